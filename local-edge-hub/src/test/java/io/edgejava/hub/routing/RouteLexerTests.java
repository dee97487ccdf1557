package io.edgejava.hub.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The lexer splits text as edgeHub's ANTLR lexer does: longest match, then declaration order. */
class RouteLexerTests {

    private static List<String> tokens(String text) {
        return RouteLexer.lex(text).tokens().stream()
                .filter(t -> t.type() != TokenType.EOF)
                .map(t -> t.type() + ":" + t.text())
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
                    temp+1          | ID:temp+1
                    5-3             | ID:5-3
                    a -1            | ID:a, INTEGER:-1
                    a - 1           | ID:a, MINUS:-, INTEGER:1
                    -(1)            | MINUS:-, LPAREN:(, INTEGER:1, RPAREN:)
                    -x              | ID:-x
                    12abc           | ID:12abc
                    1.5             | REAL:1.5
                    1.5e            | ID:1.5e
                    5.              | ID:5.
                    e5              | REAL:e5
                    0x1F            | HEX:0x1F
                    0x1G            | ID:0x1G
                    true            | TRUE:true
                    TRUE            | ID:TRUE
                    trueish         | ID:trueish
                    and             | AND:and
                    AnD             | AND:AnD
                    android         | ID:android
                    from            | FROM:from
                    'abc'           | STRING:'abc'
                    'abc'def        | ID:'abc'def
                    'a b'c          | STRING:'a b', ID:c
                    'abc            | UNTERMINATED_STRING:'abc
                    a<>b            | ID:a, NE:<>, ID:b
                    a<=b            | ID:a, LE:<=, ID:b
                    a!=b            | ID:a!, EQ:=, ID:b
                    `a||b`          | `ID:a||b`
                    `a || b`        | `ID:a, CONCAT:||, ID:b`
                    a??b            | ID:a, COALESCE:??, ID:b
                    $body.a[0]      | SYS_PROP:$body.a[0]
                    $body.a>1       | SYS_PROP:$body.a, GT:>, INTEGER:1
                    $               | ID:$
                    {$x}            | LBRACE:{, SYS_PROP:$x, RBRACE:}
                    [0]             | QUERY_PATH:[0]
                    a@b             | ID:a, UNKNOWN_CHAR:@, ID:b
                    a;b             | ID:a, UNKNOWN_CHAR:;, ID:b
                    """)
    void splitsLikeEdgeHub(String text, String expected) {
        assertThat(tokens(text)).isEqualTo(Arrays.asList(expected.split(", ")));
    }

    @Test
    void blockCommentsAreSetAsideAndUnclosedOnesAreOperators() {
        RouteLexer.Lexed closed = RouteLexer.lex("a /* x */ b");
        RouteLexer.Lexed unclosed = RouteLexer.lex("a /* b");

        assertThat(closed.tokens()).extracting(Token::text).containsExactly("a", "b", "");
        assertThat(closed.comments()).extracting(Token::text).containsExactly("/* x */");
        assertThat(unclosed.tokens())
                .extracting(Token::type)
                .containsExactly(
                        TokenType.ID, TokenType.SLASH, TokenType.STAR, TokenType.ID, TokenType.EOF);
    }

    @Test
    void onlySpaceTabCarriageReturnAndLineFeedSeparateTokens() {
        assertThat(tokens("a\u00a0b")).containsExactly("ID:a\u00a0b");
        assertThat(tokens("a\u000cb")).containsExactly("ID:a\u000cb");
        assertThat(tokens("a \t\r\nb")).containsExactly("ID:a", "ID:b");
    }

    @Test
    void manyUnclosedCommentOpenersLexInLinearTime() {
        String text = "/* ".repeat(200_000);

        long started = System.nanoTime();
        List<Token> tokens = RouteLexer.lex(text).tokens();

        assertThat(tokens).hasSize(400_001);
        assertThat(System.nanoTime() - started).isLessThan(5_000_000_000L);
    }

    @Test
    void tokensKnowWhereTheyAre() {
        List<Token> tokens = RouteLexer.lex("FROM  /*").tokens();

        assertThat(tokens).extracting(Token::start).containsExactly(0, 6, 7, 8);
        assertThat(tokens.get(3).display()).isEqualTo("the end of the route");
    }
}
