package io.edgejava.edge;

/** Status 500: the target module's handler failed; the message is its explanation. */
public final class MethodFailedException extends DirectMethodException {

    /**
     * @param message the handler's explanation
     */
    public MethodFailedException(String message) {
        super(500, message);
    }
}
