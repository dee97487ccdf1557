package io.edgejava.hub.routing;

import static io.edgejava.hub.routing.TestMessages.compileError;
import static io.edgejava.hub.routing.TestMessages.conditionRoute;
import static io.edgejava.hub.routing.TestMessages.message;
import static io.edgejava.hub.routing.TestMessages.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The built-in functions: results, undefined propagation, letter case, signatures. */
class BuiltinFunctionTests {

    private static final RoutableMessage MESSAGE =
            message()
                    .app("word", "Hello")
                    .app("count", "3")
                    .app("amount", " 1,234.5 ")
                    .app("text", "abc")
                    .json(
                            """
                            {"n": -2.5, "s": "Hello", "b": true, "nothing": null, "digits": "42"}
                            """)
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
                    abs(-12) = 12                           | TRUE
                    ABS(12) = 12                            | TRUE
                    abs($body.n) = 2.5                      | TRUE
                    is_defined(abs(as_number(word)))        | FALSE
                    is_defined(abs(3 / 0))                  | TRUE
                    exp(0) = 1                              | TRUE
                    abs(exp(1) - 2.718281) < 1e-6           | TRUE
                    exp(4000) = 1 / 0                       | TRUE
                    power(2, 3) = 8                         | TRUE
                    POWER(as_number(count), 2) = 9          | TRUE
                    power(10, 4000) = 1 / 0                 | TRUE
                    is_defined(power(-8, 1 / 3))            | FALSE
                    is_defined(power(2, $body.s))           | FALSE
                    square(3) = 9                           | TRUE
                    square($body.n) = 6.25                  | TRUE
                    ceiling(2.1) = 3                        | TRUE
                    ceiling(-2.1) = -2                      | TRUE
                    floor(2.9) = 2                          | TRUE
                    floor(-2.1) = -3                        | TRUE
                    sign(0) = 0                             | TRUE
                    sign(2.1) = 1                           | TRUE
                    sign(-0.1) = -1                         | TRUE
                    sign(-3 / 0) = -1                       | TRUE
                    sqrt(16) = 4                            | TRUE
                    sqrt(-4) = -2                           | UNDEFINED
                    is_defined(sqrt(-4))                    | FALSE
                    is_defined(floor(3 % 0))                | FALSE
                    """)
    void mathFunctionsWorkOnNumbers(String condition, Outcome expected) {
        assertThat(evaluate(condition)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
                    as_number('3') = 3                      | TRUE
                    as_number(count) * 3 = 9                | TRUE
                    as_number(amount) = 1234.5              | TRUE
                    as_number('-1e3') = -1000               | TRUE
                    as_number('.5') = 0.5                   | TRUE
                    as_number('5.') = 5                     | TRUE
                    as_number('Infinity') = 1 / 0           | TRUE
                    as_number('10000000000000000000000000') = 1e25 | TRUE
                    is_defined(as_number('0x10'))           | FALSE
                    is_defined(as_number('twelve'))         | FALSE
                    is_defined(as_number(''))               | FALSE
                    is_defined(as_number('NaN'))            | FALSE
                    is_defined(as_number(none))             | FALSE
                    as_number(4) = 4                        | TRUE
                    as_number($body.digits) = 42            | TRUE
                    as_number($body.n) = -2.5               | TRUE
                    is_defined(as_number($body.b))          | FALSE
                    """)
    void asNumberParsesStringsAsDotNetDoes(String condition, Outcome expected) {
        assertThat(evaluate(condition)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
                    is_defined(word)                        | TRUE
                    is_defined(none)                        | FALSE
                    is_defined(undefined)                   | FALSE
                    is_defined(null)                        | TRUE
                    is_defined(3 * as_number(none))         | FALSE
                    is_defined(none = 'x')                  | FALSE
                    is_defined($body.s)                     | TRUE
                    is_bool(true)                           | TRUE
                    is_bool(1 = 1)                          | TRUE
                    is_bool(none = 'x')                     | UNDEFINED
                    is_bool('true')                         | FALSE
                    is_bool(undefined)                      | FALSE
                    is_bool($body.b)                        | TRUE
                    is_bool($body.s)                        | FALSE
                    is_null(null)                           | TRUE
                    is_null(word)                           | FALSE
                    is_null(none)                           | FALSE
                    is_null(3)                              | FALSE
                    is_null($body.nothing)                  | TRUE
                    is_null($body.s)                        | FALSE
                    is_number(12.34)                        | TRUE
                    is_number(3 / 0)                        | FALSE
                    is_number(as_number(word))              | FALSE
                    is_number(count)                        | FALSE
                    is_number($body.n)                      | TRUE
                    is_number($body.digits)                 | FALSE
                    is_string('x')                          | TRUE
                    is_string(word)                         | TRUE
                    is_string(none)                         | FALSE
                    is_string(12)                           | FALSE
                    is_string($body.s)                      | TRUE
                    is_string($body.n)                      | FALSE
                    """)
    void typeCheckingFunctionsInspectTheValue(String condition, Outcome expected) {
        assertThat(evaluate(condition)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
                    concat('a', 'b') = 'ab'                 | TRUE
                    concat('a', word, 'c', 'd') = 'aHellocd' | TRUE
                    concat($body.s, '!') = 'Hello!'         | TRUE
                    is_defined(concat('a', none))           | FALSE
                    is_defined(concat('a', $body.n))        | FALSE
                    length('Hello') = 5                     | TRUE
                    LENGTH('') = 0                          | TRUE
                    length($body.s) = 5                     | TRUE
                    is_defined(length(none))                | FALSE
                    lower(word) = 'hello'                   | TRUE
                    upper(word) = 'HELLO'                   | TRUE
                    lower($body.s) = 'hello'                | TRUE
                    is_defined(upper($body.n))              | FALSE
                    index_of('abcdef', 'cd') = 2            | TRUE
                    index_of('abc', 'xz') = -1              | TRUE
                    index_of('abc', '') = 0                 | TRUE
                    index_of(none, 'a') = 0                 | UNDEFINED
                    starts_with(word, 'He')                 | TRUE
                    starts_with(word, 'he')                 | FALSE
                    starts_with(none, 'he')                 | UNDEFINED
                    ends_with(word, 'llo')                  | TRUE
                    ends_with($body.s, 'x')                 | FALSE
                    contains(word, 'ell')                   | TRUE
                    contains(word, 'ELL')                   | FALSE
                    contains($body.n, '2')                  | UNDEFINED
                    """)
    void stringFunctionsWorkOnStrings(String condition, Outcome expected) {
        assertThat(evaluate(condition)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
                    substring('abc', 1) = 'bc'              | TRUE
                    substring('abc', 3) = ''                | TRUE
                    substring('abc', 4) = ''                | UNDEFINED
                    substring('abc', -1) = 'abc'            | UNDEFINED
                    substring('abc', 1.9) = 'bc'            | TRUE
                    substring(text, 1, 1) = 'b'             | TRUE
                    substring('abc', 1, 0) = ''             | TRUE
                    substring('hello', 0, 5) = 'hello'      | TRUE
                    substring('hello', 4, 1) = 'o'          | TRUE
                    substring('hello', 4, 2) = 'o'          | UNDEFINED
                    substring('abc', 3, 0) = ''             | UNDEFINED
                    substring('', 0, 0) = ''                | UNDEFINED
                    substring('abc', 1, -1) = ''            | UNDEFINED
                    substring('abc', 3 % 0) = ''            | UNDEFINED
                    substring(none, 1) = ''                 | UNDEFINED
                    substring($body.s, 1, 3) = 'ell'        | TRUE
                    substring($body.s, length($body.s) - 2) = 'lo' | TRUE
                    """)
    void substringRequiresTheRangeToFit(String condition, Outcome expected) {
        assertThat(evaluate(condition)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
                    lower('a', 'b') = 'a'       | function 'lower' takes (string), not (string, string)
                    LOWER(3) = 'a'              | function 'LOWER' takes (string), not (number)
                    substring('a') = 'a'        | function 'substring' takes (string, number) or (string, number, number), not (string)
                    concat('a') = 'a'           | function 'concat' takes (string, string, ...), not (string)
                    concat() = 'a'              | function 'concat' takes (string, string, ...), not ()
                    concat('a', true) = 'a'     | not (string, bool)
                    is_defined()                | function 'is_defined' takes (any value), not ()
                    is_defined(1, 2)            | not (number, number)
                    abs(count) = 3              | function 'abs' takes (number), not (string) (message properties are strings: convert with as_number(count))
                    abs(null) = 3               | not (null)
                    abs(undefined) = 3          | not (undefined)
                    power(2) = 4                | function 'power' takes (number, number), not (number)
                    starts_with('a', 1)         | not (string, number)
                    starts_with(null, 'a')      | not (null, string)
                    as_number(true) = 1         | function 'as_number' takes (string) or (number), not (bool)
                    length(null) = 0            | not (null)
                    """)
    void callsThatFitNoSignatureDoNotCompile(String condition, String reason) {
        RouteSyntaxException error = compileError(conditionRoute(condition));
        assertThat(error.reason()).contains(reason);
        int functionStart = conditionRoute(condition).indexOf(condition) + 1;
        assertThat(error.position()).isEqualTo(functionStart);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
                    round(1.5) = 2          | unknown function 'round'
                    frobnicate()            | unknown function 'frobnicate'
                    is_object($body.a)      | function 'is_object' belongs to IoT Hub's cloud routing language; edgeHub does not support it
                    IS_ARRAY($body.a)       | function 'IS_ARRAY' belongs to IoT Hub's cloud routing language
                    is_primitive($body.a)   | function 'is_primitive' belongs to IoT Hub's cloud routing language
                    twin_change_includes(properties.desired) | only works in routes from /twinChangeNotifications
                    """)
    void unknownAndUnsupportedFunctionsDoNotCompile(String condition, String reason) {
        RouteSyntaxException error = compileError(conditionRoute(condition));
        assertThat(error.reason()).contains(reason);
        assertThat(error.position()).isEqualTo(conditionRoute(condition).indexOf(condition) + 1);
    }
}
