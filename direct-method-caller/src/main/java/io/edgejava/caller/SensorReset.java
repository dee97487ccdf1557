package io.edgejava.caller;

import io.edgejava.edge.EdgeHeaders;
import io.edgejava.edge.EdgeJson;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;

/**
 * Resets the sensor the way an operator would cool a machine down: by direct method, and, when the
 * sensor is not connected, by a control message instead.
 *
 * <p>The two show the difference between the connection methods: a direct method needs its target
 * online and answers at once (404 when it is away); a message is kept by the hub, through the route
 * {@code callerToSensorControl}, until the sensor comes back.
 */
class SensorReset {

    private static final Logger log = LoggerFactory.getLogger(SensorReset.class);

    /** The control message sensor-module's input {@code control} understands. */
    record ControlCommand(String command) {}

    static final ControlCommand RESET = new ControlCommand("reset");

    private final MethodCaller caller;
    private final CallerProperties.Reset settings;
    private final MessageChannel fallback;
    private final EdgeJson json;
    private final MeterRegistry meters;

    SensorReset(
            MethodCaller caller,
            CallerProperties.Reset settings,
            MessageChannel fallback,
            EdgeJson json,
            MeterRegistry meters) {
        this.caller = caller;
        this.settings = settings;
        this.fallback = fallback;
        this.json = json;
        this.meters = meters;
    }

    /**
     * Invokes the reset method without waiting for its answer: the alerts behind this one need not
     * wait for the sensor.
     *
     * @param reason why, for the log
     * @return completes when the reset was answered, or its fallback sent or given up
     */
    CompletableFuture<CallOutcome> reset(String reason) {
        return caller.call(
                        settings.module(),
                        settings.method(),
                        Map.of(),
                        settings.timeout(),
                        "Cool-down (" + reason + ")")
                .whenComplete(
                        (outcome, failure) -> {
                            if (outcome == null) {
                                return;
                            }
                            // Only a reset the sensor confirmed is a reset; a 404, 504, 500 or a
                            // refusal of its own is not.
                            if (outcome.isAnswered()
                                    && outcome.status() >= 200
                                    && outcome.status() < 300) {
                                meters.counter("caller.resets", "by", "method").increment();
                            } else if (outcome.moduleNotConnected()) {
                                sendControlMessage();
                            }
                        });
    }

    private void sendControlMessage() {
        Message<byte[]> command =
                MessageBuilder.fromMessage(json.message(RESET))
                        .setHeader(EdgeHeaders.MESSAGE_ID, UUID.randomUUID().toString())
                        .build();
        try {
            fallback.send(command);
        } catch (RuntimeException e) {
            log.error(
                    "Could not send the reset on output '{}' either: {}",
                    settings.fallbackOutput(),
                    e.getMessage());
            return;
        }
        meters.counter("caller.resets", "by", "message").increment();
        log.info(
                "{} is not connected, and a direct method needs its target online. Sent {} on"
                        + " output '{}' instead: the hub keeps a message until {} comes back.",
                settings.module(),
                "{\"command\":\"reset\"}",
                settings.fallbackOutput(),
                settings.module());
    }
}
