package io.edgejava.edge;

import java.nio.charset.StandardCharsets;

/**
 * The answer to a direct method this module invoked.
 *
 * @param status the status the handler answered with
 * @param payload the answer's payload, JSON
 */
public record MethodResponse(int status, byte[] payload) {

    /**
     * @return the payload as UTF-8 text
     */
    public String payloadAsString() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
