package io.edgejava.deployment;

/**
 * The command's input is wrong: an option, the template, a module's {@code module.json} or a
 * variable. The message says what and where, for the person who has to fix it.
 */
public final class InvalidInputException extends RuntimeException {

    /**
     * @param message what is wrong, naming the file, option or variable
     */
    public InvalidInputException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, naming the file, option or variable
     * @param cause the failure that showed it
     */
    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
