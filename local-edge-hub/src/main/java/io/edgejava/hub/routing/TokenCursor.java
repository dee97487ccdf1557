package io.edgejava.hub.routing;

import java.util.List;

/** Reads a route's tokens in order, and makes positioned errors about them. */
final class TokenCursor {

    private final String routeName;
    private final String text;
    private final List<Token> tokens;
    private int index;

    TokenCursor(String routeName, String text, List<Token> tokens) {
        this.routeName = routeName;
        this.text = text;
        this.tokens = tokens;
    }

    /** The route text. */
    String text() {
        return text;
    }

    /** The next token, not consumed. At the end, the EOF token. */
    Token peek() {
        return tokens.get(index);
    }

    /** The token after the next one (EOF past the end). */
    Token peekSecond() {
        return tokens.get(Math.min(index + 1, tokens.size() - 1));
    }

    /** The last token consumed, or {@code null} before the first. */
    Token previous() {
        return index == 0 ? null : tokens.get(index - 1);
    }

    /** Consumes the next token (the EOF token is never consumed). */
    Token next() {
        Token token = tokens.get(index);
        if (token.type() != TokenType.EOF) {
            index++;
        }
        return token;
    }

    /** Whether the next token is of this type. */
    boolean at(TokenType type) {
        return peek().type() == type;
    }

    /** Consumes the next token if it is of this type. */
    boolean accept(TokenType type) {
        if (at(type)) {
            next();
            return true;
        }
        return false;
    }

    /** An error pointing at a token. */
    RouteSyntaxException error(Token at, String reason) {
        return error(at.start(), reason);
    }

    /** An error pointing at a 0-based offset in the route text. */
    RouteSyntaxException error(int offset, String reason) {
        return new RouteSyntaxException(routeName, text, offset + 1, reason);
    }
}
