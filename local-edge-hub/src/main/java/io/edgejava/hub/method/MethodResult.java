package io.edgejava.hub.method;

/**
 * The answer to a direct method call.
 *
 * @param status the status code: the handler's own, or 404 (target not connected), 504 (no answer
 *     in time)
 * @param payload the answer's body, JSON
 * @param fromHub whether the hub answered (not connected, no answer in time) rather than the module
 */
public record MethodResult(int status, byte[] payload, boolean fromHub) {

    /** A module's own answer. */
    public MethodResult(int status, byte[] payload) {
        this(status, payload, false);
    }
}
