package io.edgejava.caller;

import io.edgejava.edge.DirectMethodException;
import io.edgejava.edge.EdgeHub;
import io.edgejava.edge.MethodResponse;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Invokes direct methods and turns every ending, answer or failure, into a {@link CallOutcome}:
 * whoever calls (the alert flow, the schedule, the HTTP endpoint) gets a result to act on and never
 * an exception, so no failed call can stop the module. Each call is logged once and counted in
 * {@code caller.calls} (tags module, method, status).
 */
class MethodCaller {

    private static final Logger log = LoggerFactory.getLogger(MethodCaller.class);

    private final EdgeHub hub;
    private final JsonMapper json;
    private final MeterRegistry meters;

    MethodCaller(EdgeHub hub, JsonMapper json, MeterRegistry meters) {
        this.hub = hub;
        this.json = json;
        this.meters = meters;
    }

    /**
     * @param module the module to call
     * @param method its method
     * @param payload the request: JSON bytes as they are, anything else serialized as JSON
     * @param timeout how long to wait for the answer
     * @param purpose why the call is made, for the log
     * @return completes with the outcome; never completes exceptionally
     */
    CompletableFuture<CallOutcome> call(
            String module, String method, Object payload, Duration timeout, String purpose) {
        CompletableFuture<MethodResponse> answer;
        try {
            answer = hub.invoke(module, method, payload, timeout);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        return answer.handle(
                (response, failure) -> {
                    CallOutcome outcome =
                            failure == null
                                    ? CallOutcome.answered(
                                            module, method, response.status(), payload(response))
                                    : failed(module, method, failure);
                    record(outcome, purpose);
                    return outcome;
                });
    }

    private JsonNode payload(MethodResponse response) {
        byte[] payload = response.payload();
        if (payload == null || payload.length == 0) {
            return json.getNodeFactory().nullNode();
        }
        try {
            return json.readTree(payload);
        } catch (JacksonException e) {
            // Peers should answer JSON; show what they answered rather than lose it.
            return json.getNodeFactory().stringNode(response.payloadAsString());
        }
    }

    private static CallOutcome failed(String module, String method, Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause()
                        : failure;
        if (cause instanceof DirectMethodException call) {
            return CallOutcome.failed(module, method, call.status(), call.getMessage());
        }
        if (cause instanceof IllegalArgumentException wrongName) {
            // A module or method name that cannot be a topic level (with '+', '#', ...).
            return CallOutcome.failed(module, method, 400, wrongName.getMessage());
        }
        return CallOutcome.failed(
                module,
                method,
                503,
                "the hub did not take the call: "
                        + (cause.getMessage() == null
                                ? cause.getClass().getSimpleName()
                                : cause.getMessage()));
    }

    private void record(CallOutcome outcome, String purpose) {
        meters.counter(
                        "caller.calls",
                        "module",
                        outcome.module(),
                        "method",
                        outcome.method(),
                        "status",
                        Integer.toString(outcome.status()))
                .increment();
        if (outcome.isAnswered()) {
            log.info(
                    "{}: {} on {} answered {} {}",
                    purpose,
                    outcome.method(),
                    outcome.module(),
                    outcome.status(),
                    outcome.payload());
        } else {
            log.warn(
                    "{}: {} on {} failed with {}: {}",
                    purpose,
                    outcome.method(),
                    outcome.module(),
                    outcome.status(),
                    outcome.error());
        }
    }
}
