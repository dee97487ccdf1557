package io.edgejava.hub.routing;

/**
 * A route's compiled {@code WHERE} condition. Immutable, so one instance serves every thread.
 *
 * @param root the expression
 */
record Condition(Expr root) {

    /**
     * Decides the condition for one message.
     *
     * @param scope the message
     * @return true, false or undefined
     */
    Outcome evaluate(MessageScope scope) {
        return Outcome.of(root.evaluate(scope), root.type());
    }
}
