package io.edgejava.hub.routing;

import static io.edgejava.hub.routing.TestMessages.conditionRoute;
import static io.edgejava.hub.routing.TestMessages.message;
import static io.edgejava.hub.routing.TestMessages.outcome;
import static io.edgejava.hub.routing.TestMessages.table;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code $body} queries: when a body can be queried, what a path finds, how values compare. */
class BodyQueryTests {

    private static final String BODY =
            """
            {
              "temperature": 50,
              "precise": 50.4,
              "freezing": -50.4,
              "flag": true,
              "off": false,
              "nothing": null,
              "name": "Redmond",
              "time": "2017-03-09T00:00:00.000Z",
              "day": "2017-03-09",
              "readings": [20, 30, 40],
              "location": {"city": "Redmond", "state": "WA"},
              "history": [{"month": "Feb", "temperature": 40}, {"month": "Jan", "temperature": 30}]
            }
            """;

    private static final RoutableMessage MESSAGE =
            message()
                    .json(BODY)
                    .app("city", "Redmond")
                    .app("$body.shadowed", "from a property")
                    .build();

    private static Outcome evaluate(String condition) {
        return outcome(condition, MESSAGE);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
                    $body.temperature = 50                          | TRUE
                    50 >= $body.temperature                         | TRUE
                    $BODY.temperature > 49.5                        | TRUE
                    $bOdY.temperature <> 60                         | TRUE
                    $body.temperature = 40 + 10                     | TRUE
                    $body.temperature + 10 = 60                     | TRUE
                    $body.temperature / $body.readings[0] = 2.5     | TRUE
                    0 - $body.freezing = 50.4                       | TRUE
                    $body.name = 'Redmond'                          | TRUE
                    $body.name = city                               | TRUE
                    $body.location.state = 'WA'                     | TRUE
                    $body.readings[1] = 30                          | TRUE
                    $body.history[1].month = 'Jan'                  | TRUE
                    $body.history[0].temperature - 10 = $body.history[1].temperature | TRUE
                    $body.flag                                      | TRUE
                    $body.flag = true                               | TRUE
                    NOT $body.off                                   | TRUE
                    $body.flag AND $body.flag                       | TRUE
                    $body.off OR $body.flag                         | TRUE
                    $body.flag AND true                             | TRUE
                    $body.temperature                               | UNDEFINED
                    $body.name + 1 = 2                              | UNDEFINED
                    """)
    void queriesReadTheJsonBody(String condition, Outcome expected) {
        assertThat(evaluate(condition)).isEqualTo(expected);
    }

    @Test
    void anIntegerBeyondTheRangeOfADoubleIsInfinityLikeANumberLiteralThatLarge() {
        RoutableMessage huge = message().json("{\"a\": 1" + "0".repeat(400) + "}").build();

        assertThat(outcome("$body.a = 1e400", huge)).isEqualTo(Outcome.TRUE);
        assertThat(outcome("$body.a > 1", huge)).isEqualTo(Outcome.TRUE);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
                    $body.missing = null                | TRUE
                    $body.nothing = null                | TRUE
                    $body.missing <> 'x'                | TRUE
                    $body.missing = 'x'                 | FALSE
                    is_defined($body.missing)           | TRUE
                    is_null($body.missing)              | TRUE
                    $body.name.deeper = null            | TRUE
                    $body.readings[7] = null            | TRUE
                    $body.name[0] = null                | TRUE
                    $body.location.city.x = null        | TRUE
                    $body.missing                       | UNDEFINED
                    """)
    void aPathThatLeadsNowhereIsNullNotUndefined(String condition, Outcome expected) {
        assertThat(evaluate(condition)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
                    $body.temperature = '50'            | FALSE
                    $body.temperature <> '50'           | TRUE
                    $body.temperature < 'a'             | TRUE
                    $body.flag < 1                      | TRUE
                    $body.name < null                   | TRUE
                    $body.name = $body.temperature      | FALSE
                    """)
    void valuesOfDifferentTypesCompareByTypeNotAsUndefined(String condition, Outcome expected) {
        assertThat(evaluate(condition)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
                    $body.location = null               | UNDEFINED
                    is_defined($body.readings)          | FALSE
                    $body.time = '2017-03-09T00:00:00.000Z' | UNDEFINED
                    is_defined($body.time)              | FALSE
                    $body.day = '2017-03-09'            | TRUE
                    $none = $body.missing               | UNDEFINED
                    $body.missing OR true               | UNDEFINED
                    $body.name AND true                 | UNDEFINED
                    """)
    void objectsArraysAndDatesAreUndefined(String condition, Outcome expected) {
        assertThat(evaluate(condition)).isEqualTo(expected);
    }

    @Test
    void anApplicationPropertyNamedLikeTheQueryWinsUnlessTheQueryIsInBraces() {
        RoutableMessage shadowed =
                message()
                        .json("{\"temperature\": 50, \"shadowed\": 1}")
                        .app("$body.temperature", "100")
                        .build();

        assertThat(outcome("$body.temperature = '100'", shadowed)).isEqualTo(Outcome.TRUE);
        assertThat(outcome("as_number($body.temperature) = 100", shadowed)).isEqualTo(Outcome.TRUE);
        assertThat(outcome("{$body.temperature} = 50", shadowed)).isEqualTo(Outcome.TRUE);
        assertThat(outcome("{ $body.temperature } <> 100", shadowed)).isEqualTo(Outcome.TRUE);
    }

    @ParameterizedTest(name = "content type {0}, encoding {1}: {2}")
    @CsvSource(
            delimiter = '|',
            nullValues = "none",
            textBlock =
                    """
                    application/json                | utf-8     | TRUE
                    APPLICATION/JSON                | UTF-8     | TRUE
                    Application/Json                | Utf-8     | TRUE
                    application/json; charset=utf-8 | utf-8     | UNDEFINED
                    text/plain                      | utf-8     | UNDEFINED
                    application/octet-stream        | utf-8     | UNDEFINED
                    none                            | utf-8     | UNDEFINED
                    application/json                | none      | UNDEFINED
                    application/json                | utf8      | UNDEFINED
                    application/json                | latin1    | UNDEFINED
                    none                            | none      | UNDEFINED
                    """)
    void aBodyIsQueryableOnlyAsJsonInAUnicodeEncoding(
            String contentType, String contentEncoding, Outcome expected) {
        TestMessages builder =
                message().bytes("{\"temperature\": 50}".getBytes(StandardCharsets.UTF_8));
        if (contentType != null) {
            builder.sys("$contentType", contentType);
        }
        if (contentEncoding != null) {
            builder.sys("$contentEncoding", contentEncoding);
        }
        assertThat(outcome("$body.temperature = 50", builder.build())).isEqualTo(expected);
    }

    @Test
    void systemPropertyNamesForContentTypeAndEncodingIgnoreCase() {
        RoutableMessage lowerCaseKeys =
                message()
                        .sys("$contenttype", "application/json")
                        .sys("$CONTENTENCODING", "utf-8")
                        .bytes("{\"temperature\": 50}".getBytes(StandardCharsets.UTF_8))
                        .build();

        assertThat(outcome("$body.temperature = 50", lowerCaseKeys)).isEqualTo(Outcome.TRUE);
    }

    @ParameterizedTest(name = "{0} declared as {1}: {2}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
                    UTF-16LE    | utf-16    | TRUE
                    UTF-16      | utf-16    | TRUE
                    UTF-16      | UTF-16    | TRUE
                    UTF-32LE    | utf-32    | TRUE
                    UTF-8       | utf-8     | TRUE
                    UTF-16BE    | utf-16    | UNDEFINED
                    UTF-32BE    | utf-32    | UNDEFINED
                    UTF-16LE    | utf-8     | UNDEFINED
                    """)
    void unicodeBodiesDecodeLittleEndianByDefault(
            String actualCharset, String declared, Outcome expected) {
        RoutableMessage encoded =
                message()
                        .body("{\"city\": \"Zürich ✓\"}", declared, Charset.forName(actualCharset))
                        .sys("$contentType", "application/json")
                        .build();

        assertThat(outcome("$body.city = 'Zürich ✓'", encoded)).isEqualTo(expected);
    }

    @Test
    void byteOrderMarksAreHonouredAndSkipped() {
        byte[] json = "{\"a\": 1}".getBytes(StandardCharsets.UTF_8);
        byte[] withUtf8Bom = new byte[json.length + 3];
        withUtf8Bom[0] = (byte) 0xEF;
        withUtf8Bom[1] = (byte) 0xBB;
        withUtf8Bom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withUtf8Bom, 3, json.length);
        byte[] utf32BigEndianWithBom =
                concat(
                        new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF},
                        "{\"a\": 1}".getBytes(Charset.forName("UTF-32BE")));

        assertThat(outcome("$body.a = 1", jsonBytes(withUtf8Bom, "utf-8"))).isEqualTo(Outcome.TRUE);
        assertThat(outcome("$body.a = 1", jsonBytes(utf32BigEndianWithBom, "utf-32")))
                .isEqualTo(Outcome.TRUE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
                    `{'a': 1}`                  | TRUE
                    `{a: 1}`                    | TRUE
                    `{"a": 1, /* note */ }`     | TRUE
                    `{"a": 1, "a": 2}`          | FALSE
                    `[{"a": 1}]`                | UNDEFINED
                    `1`                         | UNDEFINED
                    `{"a": 1`                   | UNDEFINED
                    `{"a": 1} trailing`         | UNDEFINED
                    `not json at all`           | UNDEFINED
                    ``                          | UNDEFINED
                    """)
    void onlyAJsonObjectCanBeQueriedAndJsonNetLeniencyIsKept(String body, Outcome expected) {
        RoutableMessage message = jsonBytes(body.getBytes(StandardCharsets.UTF_8), "utf-8");

        assertThat(outcome("$body.a = 1", message)).isEqualTo(expected);
    }

    @Test
    void absurdlyDeepJsonIsUndefinedNotAStackOverflow() {
        String deep = "{\"a\": ".repeat(100_000) + "1" + "}".repeat(100_000);

        assertThat(outcome("$body.a = 1", message().json(deep).build()))
                .isEqualTo(Outcome.UNDEFINED);
    }

    @Test
    void aBodyQueryWithoutContentTypeRoutesNothingAndIsReportedAsUndefined() {
        RouteTable routes =
                table(
                        conditionRoute("$body.temperature > 30"),
                        "FROM /messages/* INTO BrokeredEndpoint(\"/modules/archive/inputs/all\")");
        RoutableMessage noContentType =
                message().bytes("{\"temperature\": 50}".getBytes(StandardCharsets.UTF_8)).build();

        RoutingDecision decision = routes.route(noContentType);

        assertThat(decision.undefined()).extracting(Route::name).containsExactly("r1");
        assertThat(decision.matched()).extracting(Route::name).containsExactly("r2");
        assertThat(decision.deliveries())
                .extracting(Delivery::sink)
                .containsExactly(new RouteSink.ModuleInput("archive", "all"));
    }

    @Test
    void theBodyIsParsedOnceHoweverManyConditionsQueryIt() {
        MessageScope scope = new MessageScope(MESSAGE);
        List<Condition> conditions =
                List.of(
                        condition("$body.temperature = 50"),
                        condition("$body.name = 'Redmond' AND $body.flag"),
                        condition("$body.readings[2] = 40"));

        assertThat(conditions)
                .allSatisfy(c -> assertThat(c.evaluate(scope)).isEqualTo(Outcome.TRUE));
        assertThat(scope.bodyParses()).isEqualTo(1);
    }

    @Test
    void theBodyIsNotParsedWhenNoEvaluatedConditionNeedsIt() {
        MessageScope scope = new MessageScope(MESSAGE);

        assertThat(condition("city = 'Redmond'").evaluate(scope)).isEqualTo(Outcome.TRUE);
        assertThat(condition("city = 'Paris' AND $body.temperature = 50").evaluate(scope))
                .isEqualTo(Outcome.FALSE);
        assertThat(condition("city = 'Redmond' OR $body.temperature = 50").evaluate(scope))
                .isEqualTo(Outcome.TRUE);
        assertThat(scope.bodyParses()).isZero();
    }

    @Test
    void aBodyThatCannotBeQueriedIsNotReparsed() {
        MessageScope scope = new MessageScope(message().json("{broken").build());

        assertThat(condition("$body.a = 1").evaluate(scope)).isEqualTo(Outcome.UNDEFINED);
        assertThat(condition("$body.b = 1").evaluate(scope)).isEqualTo(Outcome.UNDEFINED);
        assertThat(scope.bodyParses()).isEqualTo(1);
    }

    private static Condition condition(String condition) {
        String route = conditionRoute(condition);
        return RouteParser.parse("test", route).condition();
    }

    private static RoutableMessage jsonBytes(byte[] body, String encoding) {
        return message()
                .bytes(body)
                .sys("$contentType", "application/json")
                .sys("$contentEncoding", encoding)
                .build();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = new byte[first.length + second.length];
        System.arraycopy(first, 0, joined, 0, first.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }
}
