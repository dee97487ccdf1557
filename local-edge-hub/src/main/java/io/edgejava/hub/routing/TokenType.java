package io.edgejava.hub.routing;

/**
 * The tokens of edgeHub's route grammar, in the order its lexer prefers them when two match the
 * same number of characters (see {@link RouteLexer}).
 */
enum TokenType {
    LBRACE("'{'"),
    RBRACE("'}'"),
    SELECT("SELECT"),
    FROM("FROM"),
    WHERE("WHERE"),
    INTO("INTO"),
    STRING("a string"),
    /** A string without its closing quote, or cut short by an invalid escape. */
    UNTERMINATED_STRING("an unterminated string"),
    INTEGER("a number"),
    HEX("a number"),
    REAL("a number"),
    TRUE("true"),
    FALSE("false"),
    NULL("null"),
    UNDEFINED("undefined"),
    LPAREN("'('"),
    RPAREN("')'"),
    COMMA("','"),
    PLUS("'+'"),
    MINUS("'-'"),
    STAR("'*'"),
    SLASH("'/'"),
    PERCENT("'%'"),
    AND("AND"),
    OR("OR"),
    NOT("NOT"),
    EQ("'='"),
    NE("'!='"),
    LE("'<='"),
    GE("'>='"),
    GT("'>'"),
    LT("'<'"),
    CONCAT("'||'"),
    COALESCE("'??'"),
    /** {@code $} followed by a query path: a system property, or a {@code $body} query. */
    SYS_PROP("a $-name"),
    /** A name: an application property, a function, a path segment, a sink function. */
    ID("a name"),
    /** A run of path characters that is not a name (it starts with '[' or ']'). */
    QUERY_PATH("a path"),
    /** A block comment, from slash-star to the next star-slash; the parser skips it. */
    COMMENT("a comment"),
    /** A character no token starts with. */
    UNKNOWN_CHAR("a character"),
    EOF("the end of the route");

    private final String description;

    TokenType(String description) {
        this.description = description;
    }

    /** How error messages describe a token of this type when its text does not say enough. */
    String description() {
        return description;
    }
}
