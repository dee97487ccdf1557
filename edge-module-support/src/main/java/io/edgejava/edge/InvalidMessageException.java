package io.edgejava.edge;

/**
 * A message that cannot be handled as it is: retrying cannot help, so it goes to the dead-letter
 * output at once, with this exception's message as the reason.
 */
public class InvalidMessageException extends RuntimeException {

    /**
     * @param reason what is wrong with the message
     * @param cause what found it out
     */
    public InvalidMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }

    /**
     * @param reason what is wrong with the message
     */
    public InvalidMessageException(String reason) {
        super(reason);
    }
}
