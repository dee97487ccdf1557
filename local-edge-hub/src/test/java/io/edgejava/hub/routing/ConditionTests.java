package io.edgejava.hub.routing;

import static io.edgejava.hub.routing.TestMessages.message;
import static io.edgejava.hub.routing.TestMessages.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Operators, literals, properties, precedence and letter case in WHERE conditions. */
class ConditionTests {

    private static final RoutableMessage MESSAGE =
            message()
                    .app("key1", "value1")
                    .app("key2", "3")
                    .app("$sys4", "value4")
                    .app("my-prop", "dash")
                    .app("temp+1", "plus")
                    .app("TRUE", "yes")
                    .sys("$sys1", "sysvalue1")
                    .sys("$sys4", "sysvalue4")
                    .sys("$correlationId", "corr-1")
                    .sys("$creationTimeUtc", "2026-01-01T00:00:00Z")
                    .sys("$enqueuedTimeUtc", "2026-01-01T00:00:01Z")
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
                    true                | TRUE
                    false               | FALSE
                    3                   | UNDEFINED
                    'a string'          | UNDEFINED
                    key1                | UNDEFINED
                    undefined           | UNDEFINED
                    null                | FALSE
                    not null            | TRUE
                    """)
    void aConditionIsTrueOnlyWhenItIsTheBooleanTrue(String condition, Outcome expected) {
        assertThat(evaluate(condition)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
                    3 = 3                   | TRUE
                    3 = 4                   | FALSE
                    "3" = '3'               | TRUE
                    '3' = '4'               | FALSE
                    '3' != '4'              | TRUE
                    3 <> 3                  | FALSE
                    3 != 4                  | TRUE
                    true = true             | TRUE
                    true <> false           | TRUE
                    null = null             | TRUE
                    null != null            | FALSE
                    -0.0 = 0                | TRUE
                    key2 = '3'              | TRUE
                    key1 = 'VALUE1'         | FALSE
                    none = 'x'              | UNDEFINED
                    none <> 'x'             | UNDEFINED
                    undefined = undefined   | UNDEFINED
                    undefined <> undefined  | UNDEFINED
                    """)
    void equalityComparesValuesOfTheSameType(String condition, Outcome expected) {
        assertThat(evaluate(condition)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
                    4 < 7           | TRUE
                    7 < 7           | FALSE
                    7 <= 7          | TRUE
                    8 <= 7          | FALSE
                    8 > 7           | TRUE
                    7 > 7           | FALSE
                    7 >= 7          | TRUE
                    7 >= 8          | FALSE
                    'a' < 'b'       | TRUE
                    'B' < 'a'       | TRUE
                    'b' >= 'a'      | TRUE
                    'ab' > 'a'      | TRUE
                    false < true    | TRUE
                    true <= false   | FALSE
                    null <= null    | TRUE
                    null < null     | FALSE
                    'a' < none      | UNDEFINED
                    none >= 'a'     | UNDEFINED
                    """)
    void orderingComparesNumbersStringsOrdinallyAndBooleans(String condition, Outcome expected) {
        assertThat(evaluate(condition)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
                    3 + 4 = 7                       | TRUE
                    3 - 4 = -1                      | TRUE
                    3 * 4 = 12                      | TRUE
                    3 / 4 = 0.75                    | TRUE
                    4 % 3 = 1                       | TRUE
                    -7 % 3 = -1                     | TRUE
                    7.5 % 2 = 1.5                   | TRUE
                    3 / 0 > 1e308                   | TRUE
                    -3 / 0 < -1e308                 | TRUE
                    is_defined(3 % 0)               | FALSE
                    3 % 0 = 3 % 0                   | UNDEFINED
                    -(3 + 4) = -7                   | TRUE
                    - 3 = -3                        | TRUE
                    - - 3 = 3                       | TRUE
                    2 + 3 * 4 = 14                  | TRUE
                    (2 + 3) * 4 = 20                | TRUE
                    10 - 2 - 3 = 5                  | TRUE
                    12 / 3 / 2 = 2                  | TRUE
                    2 * 3 % 4 = 2                   | TRUE
                    as_number(key2) + 1 = 4         | TRUE
                    as_number(none) + 1 = 4         | UNDEFINED
                    - as_number(none) = 0           | UNDEFINED
                    """)
    void arithmeticWorksOnDoublesAndPropagatesUndefined(String condition, Outcome expected) {
        assertThat(evaluate(condition)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
                    0x1F = 31                       | TRUE
                    0XfF = 255                      | TRUE
                    0x0000000000000000001 = 1       | TRUE
                    0xFFFFFFFFFFFFFFFF = -1         | TRUE
                    is_defined(0x10000000000000000) | FALSE
                    1e3 = 1000                      | TRUE
                    1E+3 = 1000                     | TRUE
                    1.5E-1 = 0.15                   | TRUE
                    .5 = 0.5                        | TRUE
                    -.5 = -0.5                      | TRUE
                    is_defined(1e400)               | TRUE
                    1e400 = 2e400                   | TRUE
                    is_defined(e5)                  | FALSE
                    """)
    void numberLiteralsAreDecimalHexOrScientific(String condition, Outcome expected) {
        assertThat(evaluate(condition)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
                    `'a' || 'b' || 'c' = 'abc'`       | TRUE
                    `'a' || key1 = 'avalue1'`         | TRUE
                    `'a' || key1 || 'd' = 'avalue1d'` | TRUE
                    `is_defined('a' || none)`         | FALSE
                    `is_string('a' || 'b')`           | TRUE
                    """)
    void doubleBarJoinsStrings(String condition, Outcome expected) {
        assertThat(evaluate(condition)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
                    (none ?? 'x') = 'x'             | TRUE
                    (key1 ?? 'x') = 'value1'        | TRUE
                    (none ?? none2 ?? 'z') = 'z'    | TRUE
                    (3 % 0 ?? 7) = 7                | TRUE
                    (as_number(key2) ?? 7) = 3      | TRUE
                    (null ?? null) = null           | TRUE
                    undefined ?? undefined          | UNDEFINED
                    (none ?? none2) = 'x'           | UNDEFINED
                    """)
    void coalesceTakesTheLeftSideWhenDefined(String condition, Outcome expected) {
        assertThat(evaluate(condition)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} AND {1} is {2}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
                    true       | true       | TRUE
                    true       | false      | FALSE
                    false      | true       | FALSE
                    false      | false      | FALSE
                    true       | undefined  | UNDEFINED
                    undefined  | true       | UNDEFINED
                    false      | undefined  | FALSE
                    undefined  | false      | FALSE
                    undefined  | undefined  | UNDEFINED
                    """)
    void andFollowsThreeValuedLogic(String left, String right, Outcome expected) {
        assertThat(evaluate(asBoolean(left) + " AND " + asBoolean(right))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} OR {1} is {2}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
                    true       | true       | TRUE
                    true       | false      | TRUE
                    false      | true       | TRUE
                    false      | false      | FALSE
                    true       | undefined  | TRUE
                    undefined  | true       | TRUE
                    false      | undefined  | UNDEFINED
                    undefined  | false      | UNDEFINED
                    undefined  | undefined  | UNDEFINED
                    """)
    void orFollowsThreeValuedLogic(String left, String right, Outcome expected) {
        assertThat(evaluate(asBoolean(left) + " OR " + asBoolean(right))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "NOT {0} is {1}")
    @CsvSource({"true, FALSE", "false, TRUE", "undefined, UNDEFINED"})
    void notFollowsThreeValuedLogic(String operand, Outcome expected) {
        assertThat(evaluate("NOT " + asBoolean(operand))).isEqualTo(expected);
    }

    /** A boolean expression with this value; undefined comes from a missing property. */
    private static String asBoolean(String value) {
        return value.equals("undefined") ? "(missing = 'x')" : "(" + value + " = true)";
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
                    true and undefined              | UNDEFINED
                    false and undefined             | FALSE
                    undefined or true               | TRUE
                    undefined or undefined          | UNDEFINED
                    null and true                   | FALSE
                    (null and true) = null          | TRUE
                    (null and false) = null         | TRUE
                    (true and null) = null          | TRUE
                    null or true                    | TRUE
                    null or false                   | FALSE
                    false or null                   | FALSE
                    (null or null) = null           | TRUE
                    true and true and true and true | TRUE
                    true and true and false and true| FALSE
                    false or false or false or true | TRUE
                    """)
    void logicalOperatorsTakeUndefinedAndNullLiterals(String condition, Outcome expected) {
        assertThat(evaluate(condition)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
                    not false and false         | FALSE
                    not (false and false)       | TRUE
                    true or true and false      | TRUE
                    false and false or true     | TRUE
                    3 < 4 = true                | TRUE
                    true = 3 < 4                | TRUE
                    1 + 1 = 2 and 2 * 2 = 4     | TRUE
                    - 2 * 3 = -6                | TRUE
                    `(none ?? 'a') || 'b' = 'ab'` | TRUE
                    """)
    void operatorsBindAsInEdgeHubsGrammar(String condition, Outcome expected) {
        assertThat(evaluate(condition)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
                    true AnD NoT false          | TRUE
                    key1 = 'x' oR true          | TRUE
                    KEY1 = 'value1'             | TRUE
                    Key1 = 'value1'             | TRUE
                    IS_DEFINED(key1)            | TRUE
                    Is_Defined(key1)            | TRUE
                    TRUE = 'yes'                | TRUE
                    """)
    void keywordsFunctionsAndPropertyNamesIgnoreCaseButLiteralsDoNot(
            String condition, Outcome expected) {
        assertThat(evaluate(condition)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
                    $sys1 = 'sysvalue1'             | TRUE
                    $SYS1 = 'sysvalue1'             | TRUE
                    $sys4 = 'value4'                | TRUE
                    {$sys4} = 'sysvalue4'           | TRUE
                    { $sys4 } = 'sysvalue4'         | TRUE
                    {$sys1} = 'sysvalue1'           | TRUE
                    $correlationId = 'corr-1'       | TRUE
                    $cid = 'corr-1'                 | TRUE
                    {$CID} = 'corr-1'               | TRUE
                    $creationTime = $creationTimeUtc | TRUE
                    $enqueuedTime = '2026-01-01T00:00:01Z' | TRUE
                    is_defined($none)               | FALSE
                    is_defined({$key1})             | FALSE
                    my-prop = 'dash'                | TRUE
                    temp+1 = 'plus'                 | TRUE
                    is_defined($sys1[0])            | FALSE
                    """)
    void propertiesAreLookedUpByName(String condition, Outcome expected) {
        assertThat(evaluate(condition)).isEqualTo(expected);
    }

    @Test
    void stringLiteralsUnescapeQuotesBackslashesAndUnicode() {
        assertThat(evaluate("'it\\'s' = \"it's\"")).isEqualTo(Outcome.TRUE);
        assertThat(evaluate("\"say \\\"hi\\\"\" = 'say \"hi\"'")).isEqualTo(Outcome.TRUE);
        assertThat(evaluate("'a\\\\b' = \"a\\\\b\"")).isEqualTo(Outcome.TRUE);
        assertThat(evaluate("length('a\\\\b') = 3")).isEqualTo(Outcome.TRUE);
        assertThat(evaluate("'\\u0041\\u00e9' = 'Aé'")).isEqualTo(Outcome.TRUE);
        assertThat(evaluate("'\\\\u0041' = 'A'")).isEqualTo(Outcome.FALSE);
        assertThat(evaluate("'' = \"\"")).isEqualTo(Outcome.TRUE);
    }

    @Test
    void commentsBetweenTokensAreIgnored() {
        assertThat(evaluate("/* only hot */ key1 = /* really */ 'value1'")).isEqualTo(Outcome.TRUE);
    }

    @Test
    void whitespaceIncludesTabsAndLineBreaks() {
        assertThat(evaluate("key1\t=\r\n'value1'\nAND\ttrue")).isEqualTo(Outcome.TRUE);
    }

    @Test
    void longConcatenationChainsEvaluateWithoutDeepRecursion() {
        String condition = "'a'" + " || 'a'".repeat(4_999) + " = '" + "a".repeat(5_000) + "'";

        assertThat(evaluate(condition)).isEqualTo(Outcome.TRUE);
    }

    @Test
    void longOrChainsEvaluateWithoutDeepRecursion() {
        StringBuilder condition = new StringBuilder("key1 = 'v0'");
        for (int i = 1; i < 5_000; i++) {
            condition.append(" OR key1 = 'v").append(i).append('\'');
        }
        condition.append(" OR key1 = 'value1'");
        assertThat(evaluate(condition.toString())).isEqualTo(Outcome.TRUE);
    }
}
