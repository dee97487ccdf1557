package io.edgejava.caller;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /invoke/{module}/{method}?timeoutSeconds=N}: a direct method call by hand. The HTTP
 * status is the call's: the peer's own, or 404 (not connected), 504 (no answer in time), 500 (the
 * handler failed).
 *
 * <pre>
 * curl -s -X POST localhost:8081/invoke/filter-module/SetThreshold \
 *      -H 'Content-Type: application/json' -d '{"threshold": 30}'
 * </pre>
 */
@RestController
class InvokeController {

    static final int DEFAULT_TIMEOUT_SECONDS = 10;

    static final int MAX_TIMEOUT_SECONDS = 300;

    /** The peer's answer. */
    record Answer(String module, String method, int status, JsonNode payload) {}

    /** A call that got no answer, or a request that could not be made. */
    record Failure(String module, String method, int status, String error) {}

    private final MethodCaller caller;
    private final JsonMapper json;

    InvokeController(MethodCaller caller, JsonMapper json) {
        this.caller = caller;
        this.json = json;
    }

    @PostMapping("/invoke/{module}/{method}")
    CompletableFuture<ResponseEntity<Object>> invoke(
            @PathVariable String module,
            @PathVariable String method,
            @RequestParam(required = false) String timeoutSeconds,
            @RequestBody(required = false) byte[] body) {
        int seconds;
        try {
            seconds = timeoutSeconds(timeoutSeconds);
        } catch (IllegalArgumentException e) {
            return badRequest(module, method, e.getMessage());
        }
        JsonNode payload;
        try {
            payload = payload(body);
        } catch (JacksonException e) {
            return badRequest(module, method, "the body is not JSON: " + e.getOriginalMessage());
        }
        return caller.call(
                        module,
                        method,
                        json.writeValueAsBytes(payload),
                        Duration.ofSeconds(seconds),
                        "By hand")
                .thenApply(InvokeController::response);
    }

    private static int timeoutSeconds(String value) {
        if (value == null) {
            return DEFAULT_TIMEOUT_SECONDS;
        }
        int seconds;
        try {
            seconds = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            seconds = 0;
        }
        if (seconds < 1 || seconds > MAX_TIMEOUT_SECONDS) {
            throw new IllegalArgumentException(
                    "timeoutSeconds must be a whole number of seconds from 1 to "
                            + MAX_TIMEOUT_SECONDS
                            + ", not '"
                            + value
                            + "'");
        }
        return seconds;
    }

    private JsonNode payload(byte[] body) {
        if (body == null || new String(body, StandardCharsets.UTF_8).isBlank()) {
            return json.createObjectNode();
        }
        return json.readTree(body);
    }

    private static ResponseEntity<Object> response(CallOutcome outcome) {
        Object body =
                outcome.isAnswered()
                        ? new Answer(
                                outcome.module(),
                                outcome.method(),
                                outcome.status(),
                                outcome.payload())
                        : new Failure(
                                outcome.module(),
                                outcome.method(),
                                outcome.status(),
                                outcome.error());
        // A peer may answer any number; HTTP only carries 100 to 599.
        int http = outcome.status() >= 100 && outcome.status() <= 599 ? outcome.status() : 502;
        return ResponseEntity.status(http).body(body);
    }

    private static CompletableFuture<ResponseEntity<Object>> badRequest(
            String module, String method, String error) {
        return CompletableFuture.completedFuture(
                ResponseEntity.badRequest().body(new Failure(module, method, 400, error)));
    }
}
