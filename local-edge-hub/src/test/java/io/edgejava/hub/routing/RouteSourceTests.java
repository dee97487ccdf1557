package io.edgejava.hub.routing;

import static io.edgejava.hub.routing.TestMessages.compile;
import static io.edgejava.hub.routing.TestMessages.compileError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The FROM part: the six source forms, what each takes, and what is not a source. */
class RouteSourceTests {

    @ParameterizedTest(name = "{0} takes {1}/{2}: {3}")
    @CsvSource(
            delimiter = '|',
            nullValues = "none",
            textBlock =
                    """
                    /*                                          | sensor | out   | true
                    /*                                          | filter | none  | true
                    /messages/*                                 | sensor | out   | true
                    /messages/*                                 | filter | none  | true
                    /messages/modules/*                         | sensor | out   | true
                    /messages/modules/*                         | filter | none  | true
                    /messages/modules/sensor/*                  | sensor | out   | true
                    /messages/modules/sensor/*                  | sensor | none  | true
                    /messages/modules/sensor/*                  | SENSOR | out   | true
                    /messages/modules/sensor/*                  | filter | out   | false
                    /messages/modules/sensor/*                  | sensor2 | out  | false
                    /messages/modules/sensor/outputs/*          | sensor | out   | true
                    /messages/modules/sensor/outputs/*          | sensor | none  | false
                    /messages/modules/sensor/outputs/*          | filter | out   | false
                    /messages/modules/sensor/outputs/out        | sensor | out   | true
                    /messages/modules/sensor/outputs/out        | Sensor | OUT   | true
                    /messages/modules/sensor/outputs/out        | sensor | out2  | false
                    /messages/modules/sensor/outputs/out        | sensor | ou    | false
                    /messages/modules/sensor/outputs/out        | sensor | none  | false
                    /messages/modules/sensor/outputs/out        | filter | out   | false
                    /Messages/Modules/sensor/Outputs/out        | sensor | out   | true
                    """)
    void eachSourceFormTakesItsMessages(
            String source, String moduleId, String outputName, boolean expected) {
        Route route = compile("FROM " + source + " INTO $upstream");

        assertThat(route.source().matches(moduleId, outputName)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            nullValues = "none",
            textBlock =
                    """
                    /*                                      | ALL            | none    | none
                    /messages/*                             | MESSAGES       | none    | none
                    /messages/modules/*                     | MODULES        | none    | none
                    /messages/modules/my-sensor.1/*         | MODULE         | my-sensor.1 | none
                    /messages/modules/sensor/outputs/*      | MODULE_OUTPUTS | sensor  | none
                    /messages/modules/sensor/outputs/out_1  | MODULE_OUTPUT  | sensor  | out_1
                    """)
    void eachSourceFormIsRecognisedAndRenderedBack(
            String source, RouteSource.Kind kind, String moduleId, String outputName) {
        RouteSource parsed = compile("FROM " + source + " INTO $upstream").source();

        assertThat(parsed).isEqualTo(new RouteSource(kind, moduleId, outputName));
        assertThat(parsed.path()).isEqualTo(source);
    }

    @Test
    void sourcesMayBeWrittenWithCommentsAroundThem() {
        Route route =
                compile(
                        "FROM /* all */ /messages/modules/sensor/outputs/out /* x */ INTO $upstream");

        assertThat(route.source()).isEqualTo(RouteSource.moduleOutput("sensor", "out"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
                    /messages                               | '/messages' is not a route source; use /*, /messages/*
                    /messages/events                        | '/messages/events' is not a route source
                    /messages/modules                       | '/messages/modules' is not a route source
                    /messages/modules/sensor                | '/messages/modules/sensor' is not a route source; did you mean '/messages/modules/sensor/*'?
                    /messages/modules/sensor/outputs        | did you mean '/messages/modules/sensor/outputs/*'?
                    /messages/modules/sensor/outputs/out/*  | is not a route source
                    /messages/modules/sensor/inputs/*       | is not a route source
                    /messages/modules/*/outputs/out         | is not a route source
                    /messages/modules/sens*/*               | is not a route source
                    /messages/modules/sensor/outputs/o*     | is not a route source
                    /devices/*                              | is not a route source
                    /twinChangeNotifications                | '/twinChangeNotifications' is not supported: local-edge-hub routes messages from modules only
                    """)
    void otherPathsAreNotSources(String source, String reason) {
        RouteSyntaxException error = compileError("FROM " + source + " INTO $upstream");

        assertThat(error.reason()).contains(reason);
        assertThat(error.position()).isEqualTo("FROM ".length() + 1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
                    /messages/modules/a:b/*         | 25 | unexpected ':' in the source path
                    /messages/modules/sensor/*(     | 32 | unexpected '(' in the source path
                    /messages/modules/sen@sor/*     | 27 | unexpected '@' in the source path
                    """)
    void charactersNamesExcludeEndTheSourceWithAnError(String source, int position, String reason) {
        RouteSyntaxException error = compileError("FROM " + source + " INTO $upstream");

        assertThat(error.reason()).isEqualTo(reason);
        assertThat(error.position()).isEqualTo(position);
    }

    @Test
    void aSourceNeedsASegmentAfterEachSlash() {
        RouteSyntaxException error = compileError("FROM /messages/ INTO $upstream");

        assertThat(error.reason()).isEqualTo("expected a path segment after '/', found 'INTO'");
        assertThat(error.position()).isEqualTo(17);
    }

    @Test
    void theRecordChecksNamesAgainstTheKind() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RouteSource(RouteSource.Kind.MODULE, null, null));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RouteSource(RouteSource.Kind.ALL, "sensor", null));
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> new RouteSource(RouteSource.Kind.MODULE_OUTPUTS, "sensor", "out"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RouteSource.moduleOutput("sensor", ""));
    }
}
