package io.edgejava.caller;

import tools.jackson.databind.JsonNode;

/**
 * How a direct method call ended: with the peer's answer (any status it chose), or with a failure
 * that has no answer (404 not connected, 504 timed out, 500 the handler failed, 503 the hub could
 * not take the call).
 *
 * @param module the called module
 * @param method the called method
 * @param status the peer's status, or the failure's
 * @param payload the peer's answer; {@code null} when the call failed
 * @param error why the call failed; {@code null} when the peer answered
 */
record CallOutcome(String module, String method, int status, JsonNode payload, String error) {

    static CallOutcome answered(String module, String method, int status, JsonNode payload) {
        return new CallOutcome(module, method, status, payload, null);
    }

    static CallOutcome failed(String module, String method, int status, String error) {
        return new CallOutcome(module, method, status, null, error);
    }

    boolean isAnswered() {
        return error == null;
    }

    /**
     * @return whether the hub said the module is not connected (not a handler that answered 404)
     */
    boolean moduleNotConnected() {
        return !isAnswered() && status == 404;
    }
}
