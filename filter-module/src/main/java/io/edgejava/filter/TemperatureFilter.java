package io.edgejava.filter;

import io.edgejava.edge.InvalidMessageException;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The filter rule: a reading is an alert when its machine temperature is above the threshold.
 *
 * <p>Only {@code machine.temperature} is read; the rest of the reading travels on untouched, so the
 * filter does not break when the sensor adds a field.
 */
final class TemperatureFilter {

    /**
     * What the rule decided about one reading.
     *
     * @param temperature the reading's machine temperature, °C
     * @param threshold the threshold it was compared with, °C
     * @param alert whether the temperature is above the threshold
     */
    record Verdict(double temperature, double threshold, boolean alert) {}

    private final JsonMapper json;

    TemperatureFilter(JsonMapper json) {
        this.json = json;
    }

    /**
     * @param body a reading, JSON
     * @param threshold °C
     * @return the verdict
     * @throws InvalidMessageException when the body is not a reading with a finite {@code
     *     machine.temperature}
     */
    Verdict judge(byte[] body, double threshold) {
        double temperature = machineTemperature(body);
        return new Verdict(temperature, threshold, temperature > threshold);
    }

    /**
     * @param body a reading, JSON
     * @return its {@code machine.temperature}
     * @throws InvalidMessageException naming what is wrong with the body (also: not UTF-8)
     */
    double machineTemperature(byte[] body) {
        JsonNode reading;
        try {
            reading = json.readTree(ReadingText.of(body));
        } catch (JacksonException e) {
            throw new InvalidMessageException("the body is not JSON: " + e.getOriginalMessage(), e);
        }
        if (reading == null || reading.isMissingNode()) {
            throw new InvalidMessageException("the body is empty, not a JSON reading");
        }
        if (!reading.isObject()) {
            throw new InvalidMessageException(
                    "the body is not a JSON object but " + describe(reading));
        }
        JsonNode temperature = reading.path("machine").path("temperature");
        if (temperature.isMissingNode() || temperature.isNull()) {
            throw new InvalidMessageException("machine.temperature is missing");
        }
        if (!temperature.isNumber()) {
            throw new InvalidMessageException(
                    "machine.temperature is not a number but " + describe(temperature));
        }
        // Number's conversion: the node's throws for an integer beyond a double's range.
        double value = temperature.numberValue().doubleValue();
        if (!Double.isFinite(value)) {
            // Not the node's text: Jackson writes the double it parsed 1e400 into as "Infinity".
            throw new InvalidMessageException(
                    "machine.temperature is not a finite number: it is beyond ±1.8e308, the range"
                            + " of a double");
        }
        return value;
    }

    private static String describe(JsonNode node) {
        String text = node.toString();
        String shown = text.length() > 60 ? text.substring(0, 60) + "..." : text;
        return node.getNodeType().toString().toLowerCase(Locale.ROOT) + " " + shown;
    }
}
