package io.edgejava.hub.routing;

import static io.edgejava.hub.routing.TestMessages.compileError;
import static io.edgejava.hub.routing.TestMessages.conditionRoute;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every malformed route is a RouteSyntaxException that says where and what. */
class RouteSyntaxErrorTests {

    @Test
    void theMessageNamesTheRouteAndShowsWhere() {
        RouteSyntaxException error = compileError("FROM /messages/* INT $upstream");

        assertThat(error.routeName()).isEqualTo("r1");
        assertThat(error.position()).isEqualTo(18);
        assertThat(error.reason())
                .isEqualTo("expected WHERE or INTO after the source, found 'INT'");
        assertThat(error.getMessage())
                .isEqualTo(
                        """
                        route 'r1' at position 18: expected WHERE or INTO after the source, found 'INT'
                          FROM /messages/* INT $upstream
                                           ^""");
    }

    @Test
    void theExcerptIsTheLineOfTheErrorWithTabsShownAsSpaces() {
        RouteSyntaxException error =
                compileError("FROM /messages/*\n\tWHERE a = 'b' INT $upstream");

        assertThat(error.position()).isEqualTo(33);
        assertThat(error.getMessage())
                .endsWith(
                        """
                        found 'INT'
                           WHERE a = 'b' INT $upstream
                                         ^""");
    }

    @Test
    void anErrorAtTheEndPointsJustPastTheText() {
        RouteSyntaxException error = compileError("FROM /messages/*");

        assertThat(error.position()).isEqualTo(17);
        assertThat(error.getMessage())
                .endsWith(
                        """
                        found the end of the route
                          FROM /messages/*
                                          ^""");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullSource
    @ValueSource(strings = {"", "   ", "\n\t"})
    void anEmptyRouteIsAnError(String text) {
        RouteSyntaxException error =
                org.assertj.core.api.Assertions.catchThrowableOfType(
                        () ->
                                RouteTable.compile(
                                        List.of(new RouteDefinition("empty", text, null, null)),
                                        Duration.ZERO),
                        RouteSyntaxException.class);

        assertThat(error.position()).isEqualTo(1);
        assertThat(error.getMessage())
                .isEqualTo(
                        "route 'empty' at position 1: the route is empty; expected FROM <source>"
                                + " [WHERE <condition>] INTO <sink>");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
                    INTO $upstream                          | 1  | expected FROM at the start of the route, found 'INTO'
                    FRM /messages/* INTO $upstream          | 1  | expected FROM at the start of the route, found 'FRM'
                    /messages/* INTO $upstream              | 1  | expected FROM at the start of the route, found '/'
                    SELECT FROM /* INTO $upstream           | 8  | expected '*' after SELECT, found 'FROM'
                    FROM messages/* INTO $upstream          | 6  | expected a source after FROM, such as /messages/*, found 'messages'
                    FROM INTO $upstream                     | 6  | expected a source after FROM
                    FROM / INTO $upstream                   | 8  | expected a path segment after '/', found 'INTO'
                    FROM /messages/* $upstream              | 18 | expected WHERE or INTO after the source, found '$upstream'
                    FROM /* WHERE INTO $upstream            | 15 | expected a condition after WHERE, found 'INTO'
                    FROM /* WHERE                           | 14 | expected a condition after WHERE, found the end of the route
                    FROM /* WHERE true $upstream            | 20 | expected INTO after the condition, found '$upstream'
                    FROM /* WHERE a = 'b' c = 'd' INTO $upstream | 23 | expected INTO after the condition, found 'c'
                    FROM /* WHERE a = 'b') INTO $upstream   | 22 | expected INTO after the condition, found ')'
                    FROM /* INTO $upstream extra            | 24 | unexpected 'extra' after the sink; a route ends with its sink
                    FROM /* INTO $upstream WHERE true       | 24 | unexpected 'WHERE' after the sink
                    """)
    void malformedRoutesSayWhatWasExpected(String route, int position, String reason) {
        RouteSyntaxException error = compileError(route);

        assertThat(error.reason()).startsWith(reason);
        assertThat(error.position()).isEqualTo(position);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
                    a = 'abc                       | 5  | unterminated string: no closing ' before the end
                    a = "abc                       | 5  | unterminated string: no closing " before the end
                    a = 'a\\nb'                    | 7  | invalid escape '\\n' in a string; only \\', \\", \\\\ and \\uXXXX are allowed
                    a = 'tab\\t'                   | 9  | invalid escape '\\t'
                    a = '\\u12'                    | 6  | '\\u' in a string must be followed by four hex digits
                    a = 'end\\                     | 9  | invalid escape '\\ '
                    a = 'b' && c = 'd'             | 9  | expected INTO after the condition, found '&&' (use AND)
                    a == 'b'                       | 4  | expected a value after '=', found '=' ('==' is not an operator: use '=')
                    a = @                          | 5  | expected a value after '=', found '@'
                    a =                            | 5  | expected a value after '=', found 'INTO'
                    (a = 'b'                       | 10 | expected ')' to close the '(' at position
                    lower('a' 'b') = 'a'           | 11 | expected ',' or ')' in the call of lower, found ''b''
                    as_number(a) -1 = 2            | 14 | expected INTO after the condition, found '-1' (edgeHub reads '-1' as a negative number: put a space after '-' to subtract)
                    a ! 'b'                        | 3  | expected INTO after the condition, found '!' (use NOT, or != to compare)
                    {a} = 'b'                      | 2  | expected a $-name after '{', found 'a' (braces select a system property, as in {$contentType})
                    {$a = 'b'                      | 5  | expected '}' after '$a', found '='
                    $body.a[x] = 1                 | 8  | a $body array index must be a whole number in square brackets, like [0]
                    $body.a[0][1] = 1              | 11 | expected '.' or the end of the $body query, found '['
                    $body.a..b = 1                 | 9  | expected a field name in the $body query
                    $body. = 1                     | 7  | a $body query needs a field name after '$body.'
                    $body.a[99999999999] = 1       | 9  | the $body array index 99999999999 is too large
                    """)
    void malformedConditionsSayWhatWasExpected(String condition, int column, String reason) {
        String route = conditionRoute(condition);
        RouteSyntaxException error = compileError(route);

        assertThat(error.reason()).startsWith(reason);
        assertThat(error.position()).isEqualTo(route.indexOf(condition) + column);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
                    temperature > 30            | 13 | cannot compare string with number using '>' (message properties are strings: convert with as_number(temperature))
                    30 < $temperature           | 4  | cannot compare number with string using '<' (message properties are strings: convert with as_number($temperature))
                    verbose = true              | 9  | cannot compare string with bool using '=' (message properties are strings: compare with 'true' or 'false')
                    a = null                    | 3  | cannot compare string with null using '='
                    3 = 'three'                 | 3  | cannot compare number with string using '='
                    $body.a = undefined         | 9  | cannot compare $body value with undefined using '='
                    5-3 = 2                     | 5  | cannot compare string with number using '=' (edgeHub reads '5-3' as one property name: put spaces around operators)
                    a + 1 = 2                   | 3  | '+' needs two numbers, found string and number (message properties are strings: convert with as_number(a))
                    'a' + 'b' = 'ab'            | 5  | '+' needs two numbers, found string and string
                    true * 2 = 2                | 6  | '*' needs two numbers, found bool and number
                    3 + undefined = 3           | 3  | '+' needs two numbers, found number and undefined
                    3 - null = 3                | 3  | '-' needs two numbers, found number and null
                    $body.a % 2 = 0             | 9  | '%' cannot take a $body value (edgeHub rejects it): convert it first, as in as_number($body.count) % 2
                    - $body.a = 1               | 1  | unary '-' cannot take a $body value (edgeHub rejects it): write 0 - $body.a
                    - a = 1                     | 1  | '-' needs a number, found string (message properties are strings: convert with as_number(a))
                    `'a' || 3 = 'a3'`           | 5  | `'||' joins strings, found string and number`
                    a AND true                  | 3  | AND needs booleans, found string on the left (message properties are strings: compare it, as in a = 'true')
                    true or 3                   | 6  | OR needs booleans, found number on the right
                    NOT a = 'b'                 | 1  | NOT needs a boolean, found string (NOT applies to the nearest value only: write NOT (a = ...))
                    NOT 3                       | 1  | NOT needs a boolean, found number
                    NOT undefined               | 1  | NOT needs a boolean, found undefined
                    a ?? 'x' = 'x'              | 3  | '??' needs the same type on both sides, found string and bool
                    (a ?? 3) = 3                | 4  | '??' needs the same type on both sides, found string and number
                    TRUE AND true               | 6  | AND needs booleans, found string on the left (message properties are strings: compare it, as in TRUE = 'true')
                    """)
    void mistypedConditionsDoNotCompile(String condition, int column, String reason) {
        String route = conditionRoute(condition);
        RouteSyntaxException error = compileError(route);

        assertThat(error.reason()).isEqualTo(reason);
        assertThat(error.position()).isEqualTo(route.indexOf(condition) + column);
    }

    @Test
    void aCommentAfterAWildcardSourceWouldSwallowTheConditionOnADevice() {
        String route = "FROM /messages/* WHERE a = 'b' /* note */ INTO $upstream";

        RouteSyntaxException error = compileError(route);

        assertThat(error.position()).isEqualTo(15);
        assertThat(error.reason())
                .isEqualTo(
                        "edgeHub reads this '/*' as the start of a comment that ends at the '*/'"
                                + " at position 40, dropping everything in between; remove the"
                                + " comment from the route");
    }

    static List<Arguments> deeplyNested() {
        int n = 100_000;
        return List.of(
                Arguments.of("parentheses", "(".repeat(n) + "true" + ")".repeat(n)),
                Arguments.of("NOT", "NOT ".repeat(n) + "true"),
                Arguments.of("unary minus", "- ".repeat(n) + "1 = 1"),
                Arguments.of("function calls", "abs(".repeat(n) + "1" + ")".repeat(n) + " = 1"),
                Arguments.of("unclosed parentheses", "(".repeat(n)),
                Arguments.of("additions", "1" + " + 1".repeat(n) + " = 1"),
                Arguments.of("comparisons", "true" + " = true".repeat(n)),
                Arguments.of(
                        "nested concatenations",
                        "'a' || (".repeat(n) + "'b'" + ")".repeat(n) + " = 'a'"),
                Arguments.of("coalesce", "1" + " ?? 1".repeat(n) + " = 1"),
                Arguments.of("nested ANDs", "(true AND ".repeat(n) + "true" + ")".repeat(n)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deeplyNested")
    void deepNestingIsAPositionedErrorNotAStackOverflow(String what, String condition) {
        RouteSyntaxException error = compileError(conditionRoute(condition));

        assertThat(error.reason()).isEqualTo("the condition nests more than 100 levels deep");
        assertThat(error.position()).isGreaterThan(conditionRoute("").length());
    }

    @Test
    void nestingUpToTheLimitCompiles() {
        int depth = ConditionParser.MAX_DEPTH - 1;
        String condition = "(".repeat(depth) + "1 = 1" + ")".repeat(depth);

        assertThat(TestMessages.outcome(condition, TestMessages.message().build()))
                .isEqualTo(Outcome.TRUE);
    }

    @Test
    void positionsCountCharactersOfTheWholeRouteText() {
        char[] padding = new char[300];
        Arrays.fill(padding, ' ');
        String route = "FROM /*" + new String(padding) + "WHERE x INTO $upstream oops";

        assertThat(compileError(route).position()).isEqualTo(route.indexOf("oops") + 1);
    }
}
