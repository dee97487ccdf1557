package io.edgejava.hub.method;

import io.edgejava.edge.contract.SystemProperties;
import io.edgejava.edge.contract.Topics;
import io.edgejava.hub.broker.HubPublisher;
import io.edgejava.hub.identity.ModuleDirectory;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.scheduling.annotation.Scheduled;
import tools.jackson.databind.json.JsonMapper;

/**
 * The direct method calls in flight.
 *
 * <p>Every call is remembered under (caller, target, correlation data) until it is answered or its
 * deadline passes. Only the called module can answer, and only once: a module that publishes to
 * another module's response topic without a call waiting for it is refused. This is what keeps
 * modules from forging answers.
 */
public final class MethodCalls {

    /** The caller id the hub uses for the calls it makes itself (the admin API's). */
    public static final String HUB = "$edgeHub";

    private final ModuleDirectory modules;
    private final HubPublisher publisher;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final Duration defaultTimeout;
    private final Clock clock;
    private final Map<CallKey, PendingCall> pending = new ConcurrentHashMap<>();

    public MethodCalls(
            ModuleDirectory modules,
            HubPublisher publisher,
            JsonMapper json,
            MeterRegistry meters,
            Duration defaultTimeout,
            Clock clock) {
        this.modules = modules;
        this.publisher = publisher;
        this.json = json;
        this.meters = meters;
        this.defaultTimeout = defaultTimeout;
        this.clock = clock;
    }

    /** What the hub does with a method request a module published. */
    public enum RequestDecision {
        /** Deliver it to the target, which is connected. */
        DELIVER,
        /** Do not deliver it: the hub has answered 404, the target is not connected. */
        ANSWERED_NOT_CONNECTED
    }

    /**
     * Takes a request that {@code caller} published to {@code target}'s method topic.
     *
     * @param caller the calling module
     * @param target the called module
     * @param method the method name
     * @param correlationData the request's correlation data
     * @param expiry the request's message expiry, if it set one: the caller's own timeout
     * @return whether to deliver the request
     */
    public RequestDecision request(
            String caller,
            String target,
            String method,
            byte[] correlationData,
            Optional<Duration> expiry) {
        if (!modules.isConnected(target)) {
            answer(caller, correlationData, notConnected(target), Duration.ofSeconds(60));
            return RequestDecision.ANSWERED_NOT_CONNECTED;
        }
        // The caller's own timeout, as its request's expiry; the default only when it set none.
        Duration timeout = expiry.orElse(defaultTimeout);
        pending.put(
                new CallKey(caller, target, ByteBuffer.wrap(correlationData)),
                new PendingCall(method, clock.instant().plus(timeout), null));
        return RequestDecision.DELIVER;
    }

    /**
     * Takes an answer that {@code responder} published to {@code caller}'s response topic.
     *
     * @param responder the answering module
     * @param caller the module whose response topic it published to
     * @param correlationData the answer's correlation data
     * @param status the answer's status
     * @param payload the answer's body
     * @return why the answer is refused, or, when a call was waiting for it, whether the hub
     *     completed that call itself (a call made through the admin API or the HTTPS endpoint of
     *     the Azure IoT Device SDK) or the answer must go on to the caller
     */
    public Answered answer(
            String responder, String caller, byte[] correlationData, int status, byte[] payload) {
        PendingCall call =
                pending.remove(new CallKey(caller, responder, ByteBuffer.wrap(correlationData)));
        if (call == null) {
            return Answered.refused(
                    "no call from '"
                            + caller
                            + "' to '"
                            + responder
                            + "' is waiting for an answer with this correlation data"
                            + " (never made, answered already, or timed out)");
        }
        count(status);
        if (call.hubCall() != null) {
            call.hubCall().complete(new MethodResult(status, payload));
            return new Answered(Optional.empty(), true);
        }
        return new Answered(Optional.empty(), false);
    }

    /**
     * What became of an answer.
     *
     * @param refusal why it is refused, if it is
     * @param completedHere whether the hub completed the call itself: nobody else gets the answer
     */
    public record Answered(Optional<String> refusal, boolean completedHere) {
        static Answered refused(String reason) {
            return new Answered(Optional.of(reason), false);
        }
    }

    /**
     * Invokes a method on a module, as the cloud's "invoke module method" does.
     *
     * @param target the module to call
     * @param method the method name
     * @param payload the request body, JSON
     * @param timeout how long to wait for the answer
     * @return the answer; status 404 when the target is not connected, 504 when it does not answer
     *     in time
     */
    public CompletableFuture<MethodResult> invoke(
            String target, String method, byte[] payload, Duration timeout) {
        return invoke(HUB, target, method, payload, timeout);
    }

    /**
     * Invokes a method on a module on behalf of a caller that cannot take the answer over MQTT: a
     * module on the Azure IoT Device SDK, whose {@code invokeMethod} is an HTTPS request.
     *
     * @param caller the calling module, or {@link #HUB}
     * @param target the module to call
     * @param method the method name
     * @param payload the request body, JSON
     * @param timeout how long to wait for the answer
     * @return the answer; status 404 when the target is not connected, 504 when it does not answer
     *     in time, both {@link MethodResult#fromHub() from the hub}
     */
    public CompletableFuture<MethodResult> invoke(
            String caller, String target, String method, byte[] payload, Duration timeout) {
        if (!modules.isConnected(target)) {
            count(404);
            return CompletableFuture.completedFuture(notConnected(target));
        }
        byte[] correlation = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        CallKey key = new CallKey(caller, target, ByteBuffer.wrap(correlation));
        CompletableFuture<MethodResult> result = new CompletableFuture<>();
        pending.put(key, new PendingCall(method, clock.instant().plus(timeout), result));
        publisher
                .publish(
                        new HubPublisher.Message(
                                Topics.method(target, method),
                                payload,
                                false,
                                "application/json",
                                timeout,
                                Topics.methodResponses(caller),
                                correlation,
                                Map.of(SystemProperties.CONNECTION_MODULE_ID, caller)))
                .whenComplete(
                        (ok, failure) -> {
                            if (failure != null) {
                                pending.remove(key);
                                result.completeExceptionally(failure);
                            }
                        });
        return result.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle(
                        (answer, failure) -> {
                            pending.remove(key);
                            if (failure == null) {
                                return answer;
                            }
                            Throwable cause =
                                    failure instanceof CompletionException
                                            ? failure.getCause()
                                            : failure;
                            if (cause instanceof TimeoutException) {
                                return timedOut(target, method, timeout);
                            }
                            throw new CompletionException(cause);
                        });
    }

    /** Forgets the calls whose deadline has passed; their callers have given up by now. */
    @Scheduled(fixedDelay = 1000)
    public void forgetExpired() {
        Instant now = clock.instant();
        pending.entrySet()
                .removeIf(
                        entry -> {
                            boolean expired = entry.getValue().deadline().isBefore(now);
                            if (expired && entry.getValue().hubCall() == null) {
                                count(504);
                            }
                            return expired;
                        });
    }

    private void answer(
            String caller, byte[] correlationData, MethodResult result, Duration expiry) {
        count(result.status());
        publisher.publish(
                new HubPublisher.Message(
                        Topics.methodResponses(caller),
                        result.payload(),
                        false,
                        "application/json",
                        expiry,
                        null,
                        correlationData,
                        Map.of(
                                SystemProperties.METHOD_STATUS,
                                Integer.toString(result.status()),
                                SystemProperties.CONNECTION_MODULE_ID,
                                HUB)));
    }

    private MethodResult notConnected(String target) {
        return error(404, "module '" + target + "' is not connected to the hub");
    }

    private MethodResult timedOut(String target, String method, Duration timeout) {
        count(504);
        return error(
                504,
                "module '"
                        + target
                        + "' did not answer method '"
                        + method
                        + "' within "
                        + timeout.toMillis()
                        + " ms");
    }

    private MethodResult error(int status, String message) {
        return new MethodResult(
                status, json.writeValueAsBytes(Map.of("status", status, "message", message)), true);
    }

    private void count(int status) {
        meters.counter("hub.methods.calls", "status", Integer.toString(status)).increment();
    }

    /** ByteBuffer for the key: unlike byte[], it compares by content. */
    private record CallKey(String caller, String target, ByteBuffer correlationData) {}

    private record PendingCall(
            String method, Instant deadline, CompletableFuture<MethodResult> hubCall) {}
}
