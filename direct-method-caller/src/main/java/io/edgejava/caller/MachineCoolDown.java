package io.edgejava.caller;

import io.edgejava.edge.EdgeHeaders;
import io.edgejava.edge.EdgeJson;
import io.edgejava.edge.InvalidMessageException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads filter-module's alerts on input {@code alerts} and, after a burst of them, resets the
 * sensor. An alert is a reading (the Reading contract); one that is not is dead-lettered, not
 * counted. Alerts count by when they happened (see {@link AlertWindow}).
 */
class MachineCoolDown implements MessageHandler {

    private static final Logger log = LoggerFactory.getLogger(MachineCoolDown.class);

    private final AlertWindow window;
    private final CallerProperties.Alerts settings;
    private final SensorReset reset;
    private final JsonMapper json;
    private final MeterRegistry meters;

    MachineCoolDown(
            AlertWindow window,
            CallerProperties.Alerts settings,
            SensorReset reset,
            JsonMapper json,
            MeterRegistry meters) {
        this.window = window;
        this.settings = settings;
        this.reset = reset;
        this.json = json;
        this.meters = meters;
    }

    @Override
    public void handleMessage(Message<?> alert) {
        JsonNode reading = reading((byte[]) alert.getPayload());
        double temperature = machineTemperature(reading);
        Instant happened = happened(alert, reading);
        meters.counter("caller.alerts").increment();
        AlertWindow.Tally tally = window.record(happened);
        if (!tally.counted()) {
            log.info(
                    "Alert from {} not counted: older than the last {}s or than the last cool-down"
                            + " (machine {} °C)",
                    happened,
                    settings.window().toSeconds(),
                    String.format(Locale.ROOT, "%.1f", temperature));
            return;
        }
        log.info(
                "Alert {} of {} within {}s (machine {} °C)",
                tally.count(),
                settings.threshold(),
                settings.window().toSeconds(),
                String.format(Locale.ROOT, "%.1f", temperature));
        if (tally.coolDownDue()) {
            reset.reset(tally.count() + " alerts within " + settings.window().toSeconds() + "s");
        }
    }

    private JsonNode reading(byte[] body) {
        JsonNode reading;
        try {
            reading = json.readTree(EdgeJson.utf8Text(body, "the alert"));
        } catch (JacksonException e) {
            throw new InvalidMessageException(
                    "the alert is not JSON: " + e.getOriginalMessage(), e);
        }
        return reading == null ? json.missingNode() : reading;
    }

    /**
     * When the alert happened: when the hub accepted it from filter-module, else the reading's
     * {@code timeCreated}. Not when it arrived here, which after an absence can be much later.
     */
    static Instant happened(Message<?> alert, JsonNode reading) {
        Object enqueued = alert.getHeaders().get(EdgeHeaders.ENQUEUED_TIME_UTC);
        if (enqueued != null) {
            try {
                return Instant.parse(enqueued.toString());
            } catch (DateTimeParseException e) {
                // Fall back to the body's own time below.
            }
        }
        JsonNode created = reading.path("timeCreated");
        if (created.isString()) {
            try {
                return Instant.parse(created.asString());
            } catch (DateTimeParseException e) {
                throw new InvalidMessageException(
                        "the alert's timeCreated '"
                                + created.asString()
                                + "' is not an ISO-8601 instant, and the hub gave no enqueued time",
                        e);
            }
        }
        throw new InvalidMessageException(
                "the alert has no timeCreated, and the hub gave no enqueued time");
    }

    private static double machineTemperature(JsonNode reading) {
        JsonNode temperature = reading.path("machine").path("temperature");
        if (!temperature.isNumber() || !Double.isFinite(temperature.asDouble())) {
            throw new InvalidMessageException(
                    "the alert has no finite number machine.temperature, so it is not a reading");
        }
        return temperature.asDouble();
    }
}
