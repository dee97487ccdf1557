package io.edgejava.edge;

/** A direct method call that did not get a successful answer; the status says why. */
public abstract sealed class DirectMethodException extends RuntimeException
        permits ModuleNotConnectedException, MethodTimedOutException, MethodFailedException {

    private final int status;

    DirectMethodException(int status, String message) {
        super(message);
        this.status = status;
    }

    /**
     * @return the status of the call: 404, 504 or 500
     */
    public int status() {
        return status;
    }
}
