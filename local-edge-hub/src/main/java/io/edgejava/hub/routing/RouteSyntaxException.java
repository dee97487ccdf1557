package io.edgejava.hub.routing;

/**
 * A route that edgeHub would reject, or that local-edge-hub cannot run.
 *
 * <p>The message names the route, the position and what was wrong, and shows the line of the route
 * with a caret under the position:
 *
 * <pre>
 * route 'r2' at position 18: expected WHERE or INTO after the source, found 'INT'
 *   FROM /messages/* INT $upstream
 *                    ^
 * </pre>
 *
 * <p>Errors that are not about a place in the text (a priority out of range, say) have position 0
 * and no excerpt.
 */
public class RouteSyntaxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The position of an error that is about the route definition rather than its text. */
    public static final int NO_POSITION = 0;

    private final String routeName;
    private final int position;
    private final String reason;

    /**
     * Creates the exception.
     *
     * @param routeName the route's name
     * @param routeText the route's text, for the excerpt; may be {@code null}
     * @param position 1-based index of the offending character in the text (one past the end for
     *     "found the end of the route"), or {@link #NO_POSITION}
     * @param reason what was wrong, without the route name or position
     */
    RouteSyntaxException(String routeName, String routeText, int position, String reason) {
        super(message(routeName, routeText, position, reason));
        this.routeName = routeName;
        this.position = position;
        this.reason = reason;
    }

    /**
     * The route that is wrong.
     *
     * @return its name, as in {@code $edgeHub}'s {@code routes}
     */
    public String routeName() {
        return routeName;
    }

    /**
     * Where in the route text the problem is.
     *
     * @return the 1-based index of the offending character (the column, for a route on one line),
     *     or {@link #NO_POSITION}
     */
    public int position() {
        return position;
    }

    /**
     * What was wrong, without the route name, position and excerpt.
     *
     * @return for example {@code expected INTO after the condition, found 'INT'}
     */
    public String reason() {
        return reason;
    }

    private static String message(String routeName, String text, int position, String reason) {
        if (position == NO_POSITION) {
            return "route '" + routeName + "': " + reason;
        }
        String message = "route '" + routeName + "' at position " + position + ": " + reason;
        if (text == null || text.isBlank()) {
            return message;
        }
        int offset = Math.min(position - 1, text.length());
        int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        int lineEnd = text.indexOf('\n', offset);
        String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
        // One column per code point, control characters (tabs) shown as spaces: keeps the caret
        // under the character it points at.
        String shown =
                line.codePoints()
                        .map(c -> Character.isISOControl(c) ? ' ' : c)
                        .collect(
                                StringBuilder::new,
                                StringBuilder::appendCodePoint,
                                StringBuilder::append)
                        .toString()
                        .stripTrailing();
        int column = text.codePointCount(lineStart, offset);
        return message + "\n  " + shown + "\n  " + " ".repeat(column) + "^";
    }
}
