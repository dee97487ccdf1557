package io.edgejava.caller;

import io.edgejava.edge.InvalidMessageException;
import io.micrometer.core.instrument.MeterRegistry;
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
 * counted.
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
        double temperature = machineTemperature((byte[]) alert.getPayload());
        meters.counter("caller.alerts").increment();
        AlertWindow.Tally tally = window.record();
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

    private double machineTemperature(byte[] body) {
        JsonNode reading;
        try {
            reading = json.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidMessageException(
                    "the alert is not JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode temperature =
                reading == null ? json.missingNode() : reading.path("machine").path("temperature");
        if (!temperature.isNumber() || !Double.isFinite(temperature.asDouble())) {
            throw new InvalidMessageException(
                    "the alert has no finite number machine.temperature, so it is not a reading");
        }
        return temperature.asDouble();
    }
}
