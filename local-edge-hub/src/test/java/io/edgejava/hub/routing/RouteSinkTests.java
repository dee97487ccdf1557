package io.edgejava.hub.routing;

import static io.edgejava.hub.routing.TestMessages.compile;
import static io.edgejava.hub.routing.TestMessages.compileError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The INTO part: $upstream and BrokeredEndpoint(...). */
class RouteSinkTests {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"$upstream", "$UPSTREAM", "$Upstream"})
    void upstreamIsIotHubInAnyLetterCase(String sink) {
        assertThat(compile("FROM /* INTO " + sink).sink()).isEqualTo(new RouteSink.Upstream());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "BrokeredEndpoint(\"/modules/filter/inputs/in1\")",
                "BrokeredEndpoint('/modules/filter/inputs/in1')",
                "brokeredendpoint(\"/modules/filter/inputs/in1\")",
                "BrokeredEndpoint ( \"/modules/filter/inputs/in1\" )",
                "BrokeredEndpoint(\"modules/filter/inputs/in1\")",
                "BrokeredEndpoint(\" /modules/filter/inputs/in1/ \")",
                "BrokeredEndpoint(\"/Modules/filter/Inputs/in1\")",
            })
    void brokeredEndpointIsAModuleInput(String sink) {
        assertThat(compile("FROM /* INTO " + sink).sink())
                .isEqualTo(new RouteSink.ModuleInput("filter", "in1"));
    }

    @Test
    void moduleIdsKeepTheirLetterCase() {
        RouteSink sink =
                compile("FROM /* INTO BrokeredEndpoint(\"/modules/Filter/inputs/In\")").sink();

        assertThat(sink).isEqualTo(new RouteSink.ModuleInput("Filter", "In"));
        assertThat(sink).isNotEqualTo(new RouteSink.ModuleInput("filter", "in"));
    }

    @Test
    void sinksRenderAsRoutesWriteThem() {
        assertThat(new RouteSink.ModuleInput("filter", "in1"))
                .hasToString("BrokeredEndpoint(\"/modules/filter/inputs/in1\")");
        assertThat(new RouteSink.Upstream()).hasToString("$upstream");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
                    $downstream                                   | 14 | unknown sink '$downstream'; use $upstream or BrokeredEndpoint("/modules/{module}/inputs/{input}")
                    upstream                                      | 14 | expected a sink after INTO, found 'upstream'
                    Endpoint("/modules/m/inputs/i")               | 14 | expected a sink after INTO, found 'Endpoint'
                    BrokeredEndpoint                              | 30 | expected '(' after BrokeredEndpoint, found the end of the route
                    BrokeredEndpoint(/modules/m/inputs/i)         | 31 | expected the endpoint address in quotes
                    BrokeredEndpoint("/modules/m/inputs/i"        | 52 | expected ')' after the endpoint address, found the end of the route
                    BrokeredEndpoint("/modules/m/inputs/i)        | 31 | unterminated string
                    BrokeredEndpoint("/modules/m/outputs/i")      | 31 | '/modules/m/outputs/i' is not a module input; expected "/modules/{module}/inputs/{input}"
                    BrokeredEndpoint("/modules/m/inputs")         | 31 | is not a module input
                    BrokeredEndpoint("/modules/m/inputs/i/x")     | 31 | is not a module input
                    BrokeredEndpoint("")                          | 31 | is not a module input
                    BrokeredEndpoint("/modules//inputs/i")        | 31 | the module id is empty
                    BrokeredEndpoint("/modules/m/inputs/")        | 31 | is not a module input
                    BrokeredEndpoint("/modules/m+/inputs/i")      | 31 | the module id contains '+', which an MQTT topic level cannot
                    BrokeredEndpoint("/modules/m/inputs/#")       | 31 | the input name contains '#'
                    BrokeredEndpoint("/modules/m x/inputs/i")     | 31 | the module id contains whitespace
                    """)
    void otherSinksAreErrors(String sink, int position, String reason) {
        RouteSyntaxException error = compileError("FROM /* INTO " + sink);

        assertThat(error.reason()).contains(reason);
        assertThat(error.position()).isEqualTo(position);
    }

    @Test
    void aRouteNeedsASink() {
        RouteSyntaxException error = compileError("FROM /* INTO");

        assertThat(error.reason())
                .startsWith("expected a sink after INTO, found the end of the route");
        assertThat(error.position()).isEqualTo(13);
    }

    @Test
    void theRecordRejectsNamesThatCannotBeTopicLevels() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RouteSink.ModuleInput("", "in"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RouteSink.ModuleInput("a/b", "in"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RouteSink.ModuleInput("filter", "in+"));
    }
}
