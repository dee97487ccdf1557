package io.edgejava.hub.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits route text into tokens exactly the way edgeHub's generated ANTLR lexer does.
 *
 * <p>That lexer takes, at every position, the longest token any rule can match, and among equally
 * long matches the rule declared first (the order of {@link TokenType}). Two consequences surprise
 * people and are kept on purpose, because a route must mean the same here as on a device:
 *
 * <ul>
 *   <li>Names may contain {@code + - * % ! & | ' . $ #}: {@code temp+1} is one application property
 *       called "temp+1", and {@code 5-3} is a property too. Operators need spaces around them
 *       unless the neighbour is a character names exclude, such as {@code ( ) < > = ,}.
 *   <li>{@code -1} is a negative number literal, so {@code a -1} is two values in a row. Write
 *       {@code a - 1}.
 * </ul>
 *
 * <p>Keywords ({@code SELECT FROM WHERE INTO AND OR NOT}) match in any letter case; the literals
 * {@code true false null undefined} only in lower case ({@code TRUE} is a property name).
 *
 * <p>The lexer never fails: what no rule matches becomes an {@link TokenType#UNKNOWN_CHAR} token
 * for the parser to report with its position.
 */
final class RouteLexer {

    /** The tokens of a route, and its comments (which the grammar hides from the parser). */
    record Lexed(List<Token> tokens, List<Token> comments) {}

    private static final TokenType[] RULES_IN_ORDER = TokenType.values();

    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private final List<Token> comments = new ArrayList<>();

    // Where the next "*/" at or after closerSearchFrom is (-1: none). Remembered so that text
    // full of unclosed "/*" is lexed in linear time rather than searched to the end each time.
    private int closerSearchFrom = -1;
    private int closerAt = -1;

    private RouteLexer(String text) {
        this.text = text;
    }

    /**
     * Tokenizes route text.
     *
     * @param text the route
     * @return its tokens, ending with {@link TokenType#EOF}, and its comments
     */
    static Lexed lex(String text) {
        return new RouteLexer(text).run();
    }

    private Lexed run() {
        int pos = 0;
        while (pos < text.length()) {
            int whitespace = whitespaceLength(pos);
            if (whitespace > 0) {
                pos += whitespace;
                continue;
            }
            Token token = longestMatch(pos);
            if (token.type() == TokenType.COMMENT) {
                comments.add(token);
            } else {
                tokens.add(token);
            }
            pos = token.end();
        }
        tokens.add(new Token(TokenType.EOF, "", text.length()));
        return new Lexed(List.copyOf(tokens), List.copyOf(comments));
    }

    private Token longestMatch(int pos) {
        TokenType bestType = TokenType.UNKNOWN_CHAR;
        int bestLength = 0;
        // Candidates in declaration order; a later rule wins only with a strictly longer match.
        for (TokenType type : RULES_IN_ORDER) {
            int length = matchLength(type, pos);
            if (length > bestLength) {
                bestType = type;
                bestLength = length;
            }
        }
        if (bestLength == 0) {
            bestType = TokenType.UNKNOWN_CHAR;
            bestLength = Character.charCount(text.codePointAt(pos));
        }
        return new Token(bestType, text.substring(pos, pos + bestLength), pos);
    }

    private int matchLength(TokenType type, int pos) {
        return switch (type) {
            case LBRACE -> charIs(pos, '{') ? 1 : 0;
            case RBRACE -> charIs(pos, '}') ? 1 : 0;
            case SELECT -> keyword(pos, "SELECT");
            case FROM -> keyword(pos, "FROM");
            case WHERE -> keyword(pos, "WHERE");
            case INTO -> keyword(pos, "INTO");
            case STRING -> string(pos);
            case UNTERMINATED_STRING -> unterminatedString(pos);
            case INTEGER -> integer(pos);
            case HEX -> hex(pos);
            case REAL -> real(pos);
            case TRUE -> literal(pos, "true");
            case FALSE -> literal(pos, "false");
            case NULL -> literal(pos, "null");
            case UNDEFINED -> literal(pos, "undefined");
            case LPAREN -> charIs(pos, '(') ? 1 : 0;
            case RPAREN -> charIs(pos, ')') ? 1 : 0;
            case COMMA -> charIs(pos, ',') ? 1 : 0;
            case PLUS -> charIs(pos, '+') ? 1 : 0;
            case MINUS -> charIs(pos, '-') ? 1 : 0;
            case STAR -> charIs(pos, '*') ? 1 : 0;
            case SLASH -> charIs(pos, '/') ? 1 : 0;
            case PERCENT -> charIs(pos, '%') ? 1 : 0;
            case AND -> keyword(pos, "AND");
            case OR -> keyword(pos, "OR");
            case NOT -> keyword(pos, "NOT");
            case EQ -> charIs(pos, '=') ? 1 : 0;
            case NE -> literal(pos, "!=") + literal(pos, "<>");
            case LE -> literal(pos, "<=");
            case GE -> literal(pos, ">=");
            case GT -> charIs(pos, '>') ? 1 : 0;
            case LT -> charIs(pos, '<') ? 1 : 0;
            case CONCAT -> literal(pos, "||");
            case COALESCE -> literal(pos, "??");
            case SYS_PROP -> charIs(pos, '$') ? nonZeroPlusOne(run(pos + 1, true)) : 0;
            case ID -> run(pos, false);
            case QUERY_PATH -> run(pos, true);
            case COMMENT -> comment(pos);
            case UNKNOWN_CHAR, EOF -> 0;
        };
    }

    private static int nonZeroPlusOne(int length) {
        return length == 0 ? 0 : length + 1;
    }

    private boolean charIs(int pos, char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private int literal(int pos, String literal) {
        return text.startsWith(literal, pos) ? literal.length() : 0;
    }

    /** A keyword in any mix of ASCII letter case (not Java's Unicode case folding). */
    private int keyword(int pos, String upperCaseKeyword) {
        if (pos + upperCaseKeyword.length() > text.length()) {
            return 0;
        }
        for (int i = 0; i < upperCaseKeyword.length(); i++) {
            char c = text.charAt(pos + i);
            char upper = (c >= 'a' && c <= 'z') ? (char) (c - ('a' - 'A')) : c;
            if (upper != upperCaseKeyword.charAt(i)) {
                return 0;
            }
        }
        return upperCaseKeyword.length();
    }

    private int whitespaceLength(int pos) {
        int end = pos;
        while (end < text.length() && isWhitespace(text.charAt(end))) {
            end++;
        }
        return end - pos;
    }

    /** The grammar's whitespace: only these four characters separate tokens. */
    static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    /**
     * Whether a character may appear in a name (an application property, a function, a path
     * segment). Everything may, except these delimiters and whitespace.
     */
    static boolean isNameChar(char c) {
        return switch (c) {
            case '(',
                    ')',
                    '<',
                    '>',
                    '@',
                    ',',
                    ';',
                    ':',
                    '\\',
                    '"',
                    '/',
                    '[',
                    ']',
                    '?',
                    '=',
                    '{',
                    '}' ->
                    false;
            default -> !isWhitespace(c);
        };
    }

    /** Whether a character may appear in a query path: a name character, or a square bracket. */
    private static boolean isQueryPathChar(char c) {
        return c == '[' || c == ']' || isNameChar(c);
    }

    private int run(int pos, boolean queryPath) {
        int end = pos;
        while (end < text.length()
                && (queryPath ? isQueryPathChar(text.charAt(end)) : isNameChar(text.charAt(end)))) {
            end++;
        }
        return end - pos;
    }

    private int digits(int pos) {
        int end = pos;
        while (end < text.length() && isDigit(text.charAt(end))) {
            end++;
        }
        return end - pos;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexDigit(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private int integer(int pos) {
        int sign = charIs(pos, '-') ? 1 : 0;
        int digits = digits(pos + sign);
        return digits == 0 ? 0 : sign + digits;
    }

    private int hex(int pos) {
        if (!charIs(pos, '0') || !(charIs(pos + 1, 'x') || charIs(pos + 1, 'X'))) {
            return 0;
        }
        int end = pos + 2;
        while (end < text.length() && isHexDigit(text.charAt(end))) {
            end++;
        }
        return end == pos + 2 ? 0 : end - pos;
    }

    /** {@code -? [0-9]* '.' [0-9]+ EXP?} or {@code -? [0-9]* EXP}, whichever is longer. */
    private int real(int pos) {
        int mantissaStart = pos + (charIs(pos, '-') ? 1 : 0);
        int afterIntegerPart = mantissaStart + digits(mantissaStart);
        int best = 0;
        if (charIs(afterIntegerPart, '.')) {
            int fraction = digits(afterIntegerPart + 1);
            if (fraction > 0) {
                int end = afterIntegerPart + 1 + fraction;
                best = end + exponent(end) - pos;
            }
        }
        int exponent = exponent(afterIntegerPart);
        if (exponent > 0) {
            best = Math.max(best, afterIntegerPart + exponent - pos);
        }
        return best;
    }

    private int exponent(int pos) {
        if (!(charIs(pos, 'e') || charIs(pos, 'E'))) {
            return 0;
        }
        int sign = (charIs(pos + 1, '+') || charIs(pos + 1, '-')) ? 1 : 0;
        int digits = digits(pos + 1 + sign);
        return digits == 0 ? 0 : 1 + sign + digits;
    }

    private int string(int pos) {
        int end = stringBodyEnd(pos);
        return end >= 0 && charIs(end, text.charAt(pos)) ? end + 1 - pos : 0;
    }

    private int unterminatedString(int pos) {
        int end = stringBodyEnd(pos);
        return end >= 0 ? end - pos : 0;
    }

    /**
     * Scans a string literal's body: from an opening quote, every character but that quote and a
     * backslash, or a valid escape. Stops at the closing quote, at a backslash that starts no valid
     * escape, or at the end of the text.
     *
     * @return where the scan stopped, or -1 when {@code pos} is not a quote
     */
    private int stringBodyEnd(int pos) {
        if (!(charIs(pos, '\'') || charIs(pos, '"'))) {
            return -1;
        }
        char quote = text.charAt(pos);
        int i = pos + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == quote) {
                return i;
            }
            if (c == '\\') {
                int escape = escapeLength(i);
                if (escape == 0) {
                    return i;
                }
                i += escape;
            } else {
                i++;
            }
        }
        return i;
    }

    /** Length of the escape at a backslash: {@code \" \' \\} or {@code \\uXXXX}; 0 if invalid. */
    int escapeLength(int backslash) {
        if (backslash + 1 >= text.length()) {
            return 0;
        }
        char next = text.charAt(backslash + 1);
        if (next == '"' || next == '\'' || next == '\\') {
            return 2;
        }
        if (next == 'u' && backslash + 6 <= text.length()) {
            for (int i = backslash + 2; i < backslash + 6; i++) {
                if (!isHexDigit(text.charAt(i))) {
                    return 0;
                }
            }
            return 6;
        }
        return 0;
    }

    private int comment(int pos) {
        if (!text.startsWith("/*", pos)) {
            return 0;
        }
        int closer = nextCloser(pos + 2);
        return closer < 0 ? 0 : closer + 2 - pos;
    }

    private int nextCloser(int from) {
        if (closerSearchFrom < 0 || from < closerSearchFrom || (closerAt >= 0 && from > closerAt)) {
            closerSearchFrom = from;
            closerAt = text.indexOf("*/", from);
        }
        return closerAt;
    }

    /**
     * Decodes the characters between the quotes of a {@link TokenType#STRING} token.
     *
     * @param token a string token
     * @return its value with escapes resolved
     */
    static String stringValue(Token token) {
        String raw = token.text();
        StringBuilder value = new StringBuilder(raw.length());
        for (int i = 1; i < raw.length() - 1; i++) {
            char c = raw.charAt(i);
            if (c != '\\') {
                value.append(c);
            } else if (raw.charAt(i + 1) == 'u') {
                value.append((char) Integer.parseInt(raw.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                value.append(raw.charAt(i + 1));
                i++;
            }
        }
        return value.toString();
    }

    /**
     * Whether route text has a WHERE clause, for {@link Route#hasCondition()}.
     *
     * @param text route text
     * @return whether a WHERE keyword appears in it outside strings and comments
     */
    static boolean hasWhereKeyword(String text) {
        return lex(text).tokens().stream().anyMatch(token -> token.type() == TokenType.WHERE);
    }

    /** Exposes {@link #escapeLength(int)} for the parser's error messages. */
    static int escapeLengthAt(String text, int backslash) {
        return new RouteLexer(text).escapeLength(backslash);
    }
}
