package io.edgejava.filter;

import java.util.OptionalDouble;
import tools.jackson.databind.JsonNode;

/**
 * Reads a threshold from where operators set it: the twin's desired properties and the payload of
 * the direct method {@code SetThreshold}. Only a finite JSON number is a threshold; anything else
 * is refused with a reason that names the value.
 */
final class ThresholdReader {

    /** The desired property, as the deployment manifest names it. */
    static final String DESIRED_PROPERTY = "TemperatureThreshold";

    /** The field of {@code SetThreshold}'s payload. */
    static final String METHOD_FIELD = "threshold";

    private ThresholdReader() {}

    /**
     * @param desired the desired properties
     * @return the threshold they ask for, or empty when they do not mention one
     * @throws IllegalArgumentException when {@code TemperatureThreshold} is there but not a finite
     *     number
     */
    static OptionalDouble fromDesired(JsonNode desired) {
        JsonNode value = desired.path(DESIRED_PROPERTY);
        if (value.isMissingNode() || value.isNull()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(number(value, "desired property " + DESIRED_PROPERTY));
    }

    /**
     * @param payload the payload of {@code SetThreshold}, {@code {"threshold": <number>}}
     * @return the threshold it asks for
     * @throws IllegalArgumentException naming what is wrong with the payload
     */
    static double fromMethodPayload(JsonNode payload) {
        if (payload == null || payload.isMissingNode() || !payload.isObject()) {
            throw new IllegalArgumentException(
                    "the payload must be a JSON object like {\"threshold\": 30}");
        }
        JsonNode value = payload.path(METHOD_FIELD);
        if (value.isMissingNode() || value.isNull()) {
            throw new IllegalArgumentException(
                    "threshold is missing: send {\"threshold\": <number of °C>}");
        }
        return number(value, METHOD_FIELD);
    }

    private static double number(JsonNode value, String name) {
        if (!value.isNumber()) {
            throw new IllegalArgumentException(name + " must be a number, not " + value);
        }
        double number = value.asDouble();
        if (!Double.isFinite(number)) {
            throw new IllegalArgumentException(name + " must be a finite number, not " + value);
        }
        return number;
    }
}
