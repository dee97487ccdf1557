package io.edgejava.edge;

/** Status 504: the target module did not answer within the caller's timeout. */
public final class MethodTimedOutException extends DirectMethodException {

    /**
     * @param message what was called and for how long it waited
     */
    public MethodTimedOutException(String message) {
        super(504, message);
    }
}
