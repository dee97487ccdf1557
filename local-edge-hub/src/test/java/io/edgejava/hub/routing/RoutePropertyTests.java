package io.edgejava.hub.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever text a manifest holds, the route compiler either compiles it or throws a {@link
 * RouteSyntaxException} with a position inside the text, and nothing else; and whatever message
 * arrives, a compiled route decides about it without throwing. Each try is bounded in time, so a
 * text or a body that made the parser or the evaluator loop fails the property instead of hanging
 * the build. jqwik prints the seed of a failing run; {@code @Property(seed = "...")} replays it.
 */
class RoutePropertyTests {

    /** Far above what one try takes (well under a millisecond), far below a hang. */
    private static final Duration PER_TRY = Duration.ofSeconds(5);

    private static final ExecutorService bounded =
            Executors.newSingleThreadExecutor(
                    runnable -> {
                        Thread thread = new Thread(runnable, "route-property-try");
                        thread.setDaemon(true);
                        return thread;
                    });

    @AfterContainer
    static void stopTheBoundedThread() {
        bounded.shutdownNow();
    }

    @Property(tries = 3000)
    void anyTextCompilesOrFailsWithAPositionInsideIt(@ForAll @StringLength(max = 120) String text) {
        checkCompiles(text);
        checkCompiles("FROM /messages/* WHERE " + text + " INTO $upstream");
    }

    @Property(tries = 3000)
    void textFromTheGrammarsAlphabetCompilesOrFailsWithAPositionInsideIt(
            @ForAll("grammarCharacters") String text) {
        checkCompiles(text);
        checkCompiles("FROM /messages/* WHERE " + text + " INTO $upstream");
    }

    @Property(tries = 4000)
    void aSoupOfTheGrammarsTokensCompilesOrFailsWithAPositionInsideIt(
            @ForAll("tokenSoups") String text) {
        boolean compiled = checkCompiles(text);
        Statistics.label("outcome").collect(compiled ? "compiled" : "syntax error");
        // A soup that never compiles, or always does, would prove half of the property.
        Statistics.label("outcome")
                .coverage(
                        coverage -> {
                            coverage.check("compiled").percentage(p -> p > 1);
                            coverage.check("syntax error").percentage(p -> p > 10);
                        });
    }

    @Property(tries = 3000)
    void aConditionThatCompilesDecidesAboutAnyMessageWithoutThrowing(
            @ForAll("conditions") String condition,
            @ForAll @Size(min = 1, max = 4) List<@From("messages") RoutableMessage> messages) {
        String text = TestMessages.conditionRoute(condition);
        boolean compiled = checkCompiles(text);
        Statistics.label("condition").collect(compiled ? "compiled" : "syntax error");
        Statistics.label("condition")
                .coverage(coverage -> coverage.check("compiled").percentage(p -> p > 25));
        if (compiled) {
            RouteTable table = table(text);
            for (RoutableMessage message : messages) {
                withinTime(text + " on " + message, () -> table.route(message));
            }
        }
    }

    @Property(tries = 300)
    void aBodyQueryDecidesAboutDeeplyNestedAndHugeBodiesWithoutThrowing(
            @ForAll("conditions") String condition, @ForAll("hostileBodies") byte[] body) {
        String text = TestMessages.conditionRoute(condition);
        if (checkCompiles(text)) {
            RouteTable table = table(text);
            RoutableMessage message =
                    TestMessages.message()
                            .sys(RoutableMessage.CONTENT_TYPE, "application/json")
                            .sys(RoutableMessage.CONTENT_ENCODING, "utf-8")
                            .bytes(body)
                            .build();
            withinTime(text + " on " + message, () -> table.route(message));
        }
    }

    /**
     * Compiles a route and routes the sample messages through it, in bounded time.
     *
     * @return whether the text compiled
     */
    private static boolean checkCompiles(String text) {
        Object outcome = withinTime(text, () -> compileOrError(text));
        if (outcome instanceof RouteSyntaxException expected) {
            assertThat(expected.routeName()).isEqualTo("property");
            assertThat(expected.position()).as(quote(text)).isBetween(1, text.length() + 1);
            assertThat(expected.reason()).as(quote(text)).isNotBlank();
            return false;
        }
        RouteTable table = (RouteTable) outcome;
        for (RoutableMessage message : SAMPLE_MESSAGES) {
            withinTime(text, () -> table.route(message));
        }
        return true;
    }

    private static Object compileOrError(String text) {
        try {
            return table(text);
        } catch (RouteSyntaxException expected) {
            return expected;
        }
    }

    private static RouteTable table(String text) {
        return RouteTable.compile(List.of(RouteDefinition.of("property", text)), Duration.ZERO);
    }

    /** Runs a step on the bounded thread; anything it throws, or a hang, fails the try. */
    private static <T> T withinTime(String what, Callable<T> step) {
        Future<T> result = bounded.submit(step);
        try {
            return result.get(PER_TRY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new AssertionError("did not finish within " + PER_TRY + ": " + quote(what), e);
        } catch (ExecutionException e) {
            throw new AssertionError(quote(what) + " threw " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static final List<RoutableMessage> SAMPLE_MESSAGES =
            List.of(
                    TestMessages.message().build(),
                    TestMessages.message()
                            .app("a", "1")
                            .app("key", "x")
                            .json("{\"a\": [1, 2], \"b\": {\"c\": null}, \"s\": \"t\"}")
                            .build(),
                    TestMessages.from("other", null)
                            .sys(RoutableMessage.CONTENT_TYPE, "application/json")
                            .sys(RoutableMessage.CONTENT_ENCODING, "utf-16")
                            .bytes(new byte[] {(byte) 0xFF, (byte) 0xFE, 0x7B, 0})
                            .build());

    // --- text ---

    @Provide
    Arbitrary<String> grammarCharacters() {
        return Arbitraries.strings()
                .withChars("FROMWHEINTfromwhein$/*()'\"\\{}[].,=<>!+-%|?&@;:0123456789ax \t\n")
                .withCharRange('\u0000', '\uFFFF')
                .ofMaxLength(80);
    }

    private static final List<String> FRAGMENTS =
            List.of(
                    "FROM ",
                    "SELECT ",
                    "* ",
                    "WHERE ",
                    "INTO ",
                    "$upstream",
                    "/",
                    "/messages/*",
                    "/messages/modules/*",
                    "/messages/modules/sensor/*",
                    "/messages/modules/sensor/outputs/*",
                    "/messages/modules/sensor/outputs/temperature ",
                    "/*",
                    "BrokeredEndpoint(\"/modules/m/inputs/i\")",
                    "BrokeredEndpoint('",
                    "BrokeredEndpoint(",
                    "(",
                    ")",
                    "{",
                    "}",
                    ",",
                    "'",
                    "\"",
                    "\\",
                    "\\u00",
                    "a",
                    "key",
                    "$body.",
                    "$body.a",
                    "$body.machine.temperature",
                    "[0]",
                    "]",
                    ".",
                    "=",
                    "<>",
                    "!=",
                    "<",
                    "<=",
                    ">",
                    ">=",
                    "+",
                    "-",
                    "-1",
                    "*",
                    "/",
                    "%",
                    "||",
                    "??",
                    "AND ",
                    "and ",
                    "OR ",
                    "or ",
                    "NOT ",
                    "true",
                    "false",
                    "null",
                    "undefined",
                    "1",
                    "2.5",
                    "1e3",
                    "1e400",
                    "0x1F",
                    "e5",
                    "'text'",
                    "\"text\"",
                    "abs(",
                    "concat(",
                    "substring(",
                    "is_defined(",
                    "as_number(",
                    "lower(",
                    "upper(",
                    "length(",
                    "index_of(",
                    "starts_with(",
                    "contains(",
                    "*/",
                    " ",
                    "\n",
                    "\t",
                    "é",
                    "\uD83D\uDE00",
                    "\uD83D",
                    "@",
                    ";",
                    "$",
                    "$cid",
                    "$contentType",
                    "$connectionModuleId",
                    "{$contentType}",
                    "TRUE");

    @Provide
    Arbitrary<String> tokenSoups() {
        Arbitrary<String> soup =
                Arbitraries.of(FRAGMENTS)
                        .list()
                        .ofMinSize(1)
                        .ofMaxSize(30)
                        .map(pieces -> String.join("", pieces));
        Arbitrary<String> prefix =
                Arbitraries.of(
                        "", "FROM /messages/* WHERE ", "FROM /messages/modules/sensor/* WHERE ");
        Arbitrary<String> suffix =
                Arbitraries.of(
                        "",
                        " INTO $upstream",
                        " INTO BrokeredEndpoint(\"/modules/filter/inputs/input1\")");
        return Combinators.combine(prefix, soup, suffix).as((p, s, x) -> p + s + x);
    }

    // --- conditions ---

    private static final List<String> LEAVES =
            List.of(
                    "a",
                    "key",
                    "none",
                    "$cid",
                    "$contentType",
                    "$contentEncoding",
                    "$connectionModuleId",
                    "$messageId",
                    "{$contentType}",
                    "$body",
                    "$body.a",
                    "$body.a[1]",
                    "$body.a[-1]",
                    "$body.b.c",
                    "$body.s",
                    "$body.machine.temperature",
                    "$body.deep.deep.deep",
                    "'t'",
                    "\"x\"",
                    "''",
                    "1",
                    "0",
                    "-2.5",
                    "0x10",
                    "true",
                    "false",
                    "null",
                    "undefined",
                    "1e400",
                    "9223372036854775808");

    private static final List<String> BINARY =
            List.of(
                    " = ", " <> ", " != ", " < ", " <= ", " > ", " >= ", " + ", " - ", " * ", " / ",
                    " % ", " || ", " ?? ", " AND ", " OR ");

    private static final List<String> FUNCTIONS =
            List.of(
                    "abs",
                    "exp",
                    "power",
                    "square",
                    "ceiling",
                    "floor",
                    "sign",
                    "sqrt",
                    "as_number",
                    "is_array",
                    "is_bool",
                    "is_defined",
                    "is_null",
                    "is_number",
                    "is_object",
                    "is_primitive",
                    "is_string",
                    "concat",
                    "length",
                    "lower",
                    "upper",
                    "substring",
                    "index_of",
                    "starts_with",
                    "ends_with",
                    "contains");

    @Provide
    Arbitrary<String> conditions() {
        return condition(0);
    }

    private static Arbitrary<String> condition(int depth) {
        Arbitrary<String> leaf = Arbitraries.of(LEAVES);
        if (depth >= 5) {
            return leaf;
        }
        Arbitrary<String> deeper = Arbitraries.lazy(() -> condition(depth + 1));
        Arbitrary<String> binary =
                Combinators.combine(deeper, Arbitraries.of(BINARY), deeper)
                        .as((left, operator, right) -> left + operator + right);
        Arbitrary<String> grouped = deeper.map(inner -> "(" + inner + ")");
        Arbitrary<String> unary =
                Combinators.combine(Arbitraries.of("NOT ", "- ", "not "), deeper)
                        .as((operator, operand) -> operator + operand);
        Arbitrary<String> call =
                Combinators.combine(Arbitraries.of(FUNCTIONS), deeper.list().ofMaxSize(3))
                        .as((name, arguments) -> name + "(" + String.join(", ", arguments) + ")");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, leaf),
                net.jqwik.api.Tuple.of(3, binary),
                net.jqwik.api.Tuple.of(1, grouped),
                net.jqwik.api.Tuple.of(1, unary),
                net.jqwik.api.Tuple.of(2, call));
    }

    // --- messages ---

    @Provide
    Arbitrary<RoutableMessage> messages() {
        Arbitrary<Map<String, String>> application =
                Arbitraries.maps(
                                Arbitraries.oneOf(
                                        Arbitraries.of("a", "key", "none", "MessageType"),
                                        Arbitraries.strings().ofMaxLength(10)),
                                Arbitraries.oneOf(
                                        Arbitraries.of("1", "x", "t", "", "true", "1e400", "NaN"),
                                        Arbitraries.strings().ofMaxLength(20)))
                        .ofMaxSize(4);
        Arbitrary<Map<String, String>> system =
                Combinators.combine(
                                Arbitraries.of(
                                                "application/json",
                                                "APPLICATION/JSON",
                                                "application/json; charset=utf-8",
                                                "text/plain",
                                                "")
                                        .injectNull(0.2),
                                Arbitraries.of("utf-8", "UTF-16", "utf-32", "latin1", "ebcdic", "")
                                        .injectNull(0.2),
                                Arbitraries.strings().ofMaxLength(12).injectNull(0.5))
                        .as(
                                (type, encoding, other) -> {
                                    Map<String, String> properties = new java.util.HashMap<>();
                                    if (type != null) {
                                        properties.put(RoutableMessage.CONTENT_TYPE, type);
                                    }
                                    if (encoding != null) {
                                        properties.put(RoutableMessage.CONTENT_ENCODING, encoding);
                                    }
                                    if (other != null) {
                                        properties.put("$messageId", other);
                                        properties.put("$correlationId", other);
                                    }
                                    return properties;
                                });
        Arbitrary<byte[]> body =
                Arbitraries.oneOf(
                        jsonText(0).map(json -> json.getBytes(StandardCharsets.UTF_8)),
                        Combinators.combine(
                                        jsonText(0),
                                        Arbitraries.of(
                                                StandardCharsets.UTF_16,
                                                StandardCharsets.UTF_16LE,
                                                StandardCharsets.UTF_16BE,
                                                Charset.forName("UTF-32"),
                                                StandardCharsets.ISO_8859_1))
                                .as((json, charset) -> json.getBytes(charset)),
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(64),
                        hostileBodies());
        return Combinators.combine(
                        Arbitraries.of("sensor", "other"),
                        Arbitraries.of("temperature", "output1").injectNull(0.1),
                        system,
                        application,
                        body)
                .as(RoutableMessage::new);
    }

    private static Arbitrary<String> jsonText(int depth) {
        Arbitrary<String> scalar =
                Arbitraries.oneOf(
                        Arbitraries.of(
                                "1",
                                "-2.5",
                                "1e400",
                                "-1e400",
                                "NaN",
                                "Infinity",
                                "true",
                                "false",
                                "null",
                                "\"t\"",
                                "\"x\"",
                                "\"2025-06-01T10:00:00Z\"",
                                "0x10",
                                "'single'"),
                        Arbitraries.strings()
                                .ofMaxLength(12)
                                .map(
                                        text ->
                                                "\""
                                                        + text.replace("\\", "\\\\")
                                                                .replace("\"", "\\\"")
                                                        + "\""));
        if (depth >= 3) {
            return scalar;
        }
        Arbitrary<String> deeper = Arbitraries.lazy(() -> jsonText(depth + 1));
        Arbitrary<String> object =
                Arbitraries.maps(
                                Arbitraries.of(
                                        "a", "b", "c", "s", "machine", "temperature", "deep"),
                                deeper)
                        .ofMaxSize(4)
                        .map(
                                fields ->
                                        "{"
                                                + String.join(
                                                        ",",
                                                        fields.entrySet().stream()
                                                                .map(
                                                                        field ->
                                                                                "\""
                                                                                        + field
                                                                                                .getKey()
                                                                                        + "\":"
                                                                                        + field
                                                                                                .getValue())
                                                                .toList())
                                                + "}");
        Arbitrary<String> array =
                deeper.list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(depth == 0 ? 1 : 3, scalar),
                net.jqwik.api.Tuple.of(3, object),
                net.jqwik.api.Tuple.of(1, array));
    }

    /** Bodies that try the parser's limits: deep nesting, long strings, huge numbers. */
    @Provide
    Arbitrary<byte[]> hostileBodies() {
        Arbitrary<String> deepObject =
                Arbitraries.integers()
                        .between(100, 20_000)
                        .map(depth -> "{\"deep\":".repeat(depth) + "1" + "}".repeat(depth));
        Arbitrary<String> deepArray =
                Arbitraries.integers()
                        .between(100, 20_000)
                        .map(depth -> "{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}");
        Arbitrary<String> unclosed =
                Arbitraries.integers().between(100, 20_000).map("{\"deep\":"::repeat);
        Arbitrary<String> longString =
                Arbitraries.integers()
                        .between(10_000, 300_000)
                        .map(length -> "{\"s\":\"" + "x".repeat(length) + "\"}");
        Arbitrary<String> hugeNumber =
                Arbitraries.integers()
                        .between(400, 5_000)
                        .map(digits -> "{\"a\":1" + "0".repeat(digits) + ",\"b\":1e99999}");
        return Arbitraries.oneOf(deepObject, deepArray, unclosed, longString, hugeNumber)
                .map(json -> json.getBytes(StandardCharsets.UTF_8));
    }

    private static String quote(String text) {
        String shown = text.length() > 300 ? text.substring(0, 300) + "..." : text;
        return "\"" + shown.replace("\n", "\\n").replace("\t", "\\t") + "\"";
    }
}
