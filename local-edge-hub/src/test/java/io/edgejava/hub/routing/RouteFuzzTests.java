package io.edgejava.hub.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Any text either compiles or is a RouteSyntaxException with a position inside the text; a compiled
 * route routes any message without throwing. Seeds are fixed, so failures reproduce.
 */
class RouteFuzzTests {

    private static final String[] FRAGMENTS = {
        "FROM ",
        "SELECT ",
        "* ",
        "WHERE ",
        "INTO ",
        "$upstream",
        "/",
        "/messages/*",
        "/messages/modules/sensor/outputs/temperature ",
        "BrokeredEndpoint(\"/modules/m/inputs/i\")",
        "BrokeredEndpoint('",
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
        "[0]",
        "]",
        ".",
        "=",
        "<>",
        "!=",
        "<",
        ">=",
        "+",
        "-",
        "-1",
        "*",
        "%",
        "||",
        "??",
        "AND ",
        "or ",
        "NOT ",
        "true",
        "null",
        "undefined",
        "1",
        "2.5",
        "1e3",
        "0x1F",
        "e5",
        "abs(",
        "concat(",
        "substring(",
        "is_defined(",
        "as_number(",
        "lower(",
        "/*",
        "*/",
        " ",
        "\n",
        "\t",
        "é",
        "\uD83D\uDE00",
        "@",
        ";",
        "$",
        "$cid",
        "TRUE",
    };

    private static final List<RoutableMessage> MESSAGES =
            List.of(
                    TestMessages.message().build(),
                    TestMessages.message()
                            .app("a", "1")
                            .app("key", "x")
                            .json("{\"a\": [1, 2], \"b\": {\"c\": null}, \"s\": \"t\"}")
                            .build(),
                    TestMessages.from("other", null)
                            .sys("$contentType", "application/json")
                            .sys("$contentEncoding", "utf-16")
                            .bytes(new byte[] {(byte) 0xFF, (byte) 0xFE, 0x7B, 0})
                            .build());

    @Test
    void randomFragmentSoupNeverBreaksTheCompiler() {
        assertTimeoutPreemptively(
                Duration.ofSeconds(60),
                () -> {
                    Random random = new Random(20_261_127);
                    int compiled = 0;
                    for (int i = 0; i < 30_000; i++) {
                        StringBuilder text = new StringBuilder();
                        if (random.nextInt(3) > 0) {
                            text.append("FROM /messages/* WHERE ");
                        }
                        int pieces = 1 + random.nextInt(25);
                        for (int p = 0; p < pieces; p++) {
                            text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
                        }
                        if (random.nextBoolean()) {
                            text.append(" INTO $upstream");
                        }
                        compiled += checkOne(text.toString()) ? 1 : 0;
                    }
                    // The soup must exercise both outcomes, or the test proves nothing.
                    assertThat(compiled).isGreaterThan(100);
                });
    }

    @Test
    void randomCharactersNeverBreakTheCompiler() {
        assertTimeoutPreemptively(
                Duration.ofSeconds(60),
                () -> {
                    Random random = new Random(42);
                    String alphabet =
                            "FROMWHEINTfromwhein$/*()'\"\\{}[].,=<>!+-%|?&@;:0123456789ax \t\n";
                    for (int i = 0; i < 30_000; i++) {
                        char[] chars = new char[random.nextInt(60)];
                        for (int c = 0; c < chars.length; c++) {
                            chars[c] =
                                    random.nextInt(20) == 0
                                            ? (char) random.nextInt(0x10000)
                                            : alphabet.charAt(random.nextInt(alphabet.length()));
                        }
                        checkOne("FROM /messages/* WHERE " + new String(chars) + " INTO $upstream");
                        checkOne(new String(chars));
                    }
                });
    }

    @Test
    void randomWellFormedConditionsCompileAndEvaluate() {
        assertTimeoutPreemptively(
                Duration.ofSeconds(60),
                () -> {
                    Random random = new Random(7);
                    int compiled = 0;
                    for (int i = 0; i < 20_000; i++) {
                        String condition = expression(random, 0);
                        compiled +=
                                checkOne(
                                                "FROM /messages/modules/sensor/outputs/temperature WHERE "
                                                        + condition
                                                        + " INTO $upstream")
                                        ? 1
                                        : 0;
                    }
                    assertThat(compiled).isGreaterThan(1_000);
                });
    }

    /** Compiles and routes; returns whether the text compiled. */
    private static boolean checkOne(String text) {
        RouteTable table;
        try {
            table = RouteTable.compile(List.of(RouteDefinition.of("fuzz", text)), Duration.ZERO);
        } catch (RouteSyntaxException expected) {
            assertThat(expected.routeName()).isEqualTo("fuzz");
            assertThat(expected.position()).as(text).isBetween(1, text.length() + 1);
            assertThat(expected.reason()).as(text).isNotBlank();
            return false;
        } catch (RuntimeException | StackOverflowError unexpected) {
            throw new AssertionError(
                    "compiling " + quote(text) + " threw " + unexpected, unexpected);
        }
        for (RoutableMessage message : MESSAGES) {
            assertThatCode(() -> table.route(message)).as(quote(text)).doesNotThrowAnyException();
        }
        assertThatCode(() -> table.routes().get(0).hasCondition()).doesNotThrowAnyException();
        return true;
    }

    private static final String[] LEAVES = {
        "a",
        "key",
        "none",
        "$cid",
        "{$contentType}",
        "$body.a[1]",
        "$body.b.c",
        "$body.s",
        "'t'",
        "\"x\"",
        "1",
        "-2.5",
        "0x10",
        "true",
        "false",
        "null",
        "undefined",
        "1e400",
    };

    private static final String[] BINARY = {
        " = ", " <> ", " != ", " < ", " >= ", " + ", " - ", " * ", " / ", " % ", " || ", " ?? ",
        " AND ", " OR ",
    };

    private static final String[] FUNCTIONS = {
        "abs",
        "exp",
        "power",
        "square",
        "ceiling",
        "floor",
        "sign",
        "sqrt",
        "as_number",
        "is_bool",
        "is_defined",
        "is_null",
        "is_number",
        "is_string",
        "concat",
        "length",
        "lower",
        "upper",
        "substring",
        "index_of",
        "starts_with",
        "ends_with",
        "contains",
    };

    private static String expression(Random random, int depth) {
        int choice = depth > 6 ? 0 : random.nextInt(6);
        return switch (choice) {
            case 0 -> LEAVES[random.nextInt(LEAVES.length)];
            case 1, 2 ->
                    expression(random, depth + 1)
                            + BINARY[random.nextInt(BINARY.length)]
                            + expression(random, depth + 1);
            case 3 -> "(" + expression(random, depth + 1) + ")";
            case 4 -> (random.nextBoolean() ? "NOT " : "- ") + expression(random, depth + 1);
            default -> {
                List<String> arguments = new ArrayList<>();
                int count = random.nextInt(4);
                for (int a = 0; a < count; a++) {
                    arguments.add(expression(random, depth + 1));
                }
                yield FUNCTIONS[random.nextInt(FUNCTIONS.length)]
                        + "("
                        + String.join(", ", arguments)
                        + ")";
            }
        };
    }

    private static String quote(String text) {
        return "\"" + text.replace("\n", "\\n").replace("\t", "\\t") + "\"";
    }
}
