package io.edgejava.hub.routing;

/** What a route's condition says about one message. */
enum Outcome {
    /** The route applies. */
    TRUE,
    /** The route does not apply. */
    FALSE,
    /** The condition could not be decided (it routes nothing, like {@link #FALSE}). */
    UNDEFINED;

    /**
     * The outcome of a condition whose whole expression evaluated to {@code value}, as edgeHub
     * converts it: a boolean is itself, the {@code null} literal (and an AND with it) is false, and
     * anything else (a number, a string, a {@code $body} value that is not a boolean) is undefined.
     */
    static Outcome of(Value value, ValueType type) {
        if (value instanceof Value.Bool bool) {
            return bool.isTrue() ? TRUE : FALSE;
        }
        return type == ValueType.NULL ? FALSE : UNDEFINED;
    }
}
