package io.edgejava.hub.routing;

/**
 * One token of a route's text.
 *
 * @param type what it is
 * @param text its characters, exactly as written
 * @param start its 0-based offset in the route text
 */
record Token(TokenType type, String text, int start) {

    /** The offset just past the token. */
    int end() {
        return start + text.length();
    }

    /** The token as error messages show it: quoted text, or a description at the end. */
    String display() {
        return type == TokenType.EOF ? type.description() : "'" + text + "'";
    }
}
