package io.edgejava.edge.transport;

/** The module cannot talk to its hub: unreachable, not connected now, or refused at connect. */
public class HubConnectionException extends RuntimeException {

    /**
     * @param message what failed and what to check
     * @param cause the transport's own error
     */
    public HubConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
