package io.edgejava.sensor.telemetry;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What the twin steers while the sensor runs: whether it sends, and how often.
 *
 * @param sendData whether readings are sent
 * @param interval the pause between two readings
 */
record SendSettings(boolean sendData, Duration interval) {

    static final String SEND_DATA = "SendData";
    static final String SEND_INTERVAL = "SendInterval";

    /**
     * The shortest interval the twin may ask for: below it the schedule would do little but send,
     * and a typo such as 0.0001 for 1 would flood the hub.
     */
    static final Duration MIN_INTERVAL = Duration.ofMillis(10);

    /**
     * Desired properties applied to the settings in effect.
     *
     * @param settings the settings that result
     * @param ignored why each ignored desired value was ignored, one sentence each
     */
    record Update(SendSettings settings, List<String> ignored) {}

    /**
     * Takes the desired {@code SendData} (true or false) and {@code SendInterval} (a number of
     * seconds, fractions allowed, of at least {@link #MIN_INTERVAL}). A value of the wrong type or
     * out of range is ignored, with the reason, and the value in effect stays; an absent one
     * changes nothing.
     *
     * @param desired the twin's desired properties
     * @return the settings to use and what was ignored
     */
    Update withDesired(JsonNode desired) {
        List<String> ignored = new ArrayList<>();
        boolean newSendData = sendData;
        Duration newInterval = interval;
        JsonNode sendDataValue = desired.get(SEND_DATA);
        if (sendDataValue != null && !sendDataValue.isNull()) {
            if (sendDataValue.isBoolean()) {
                newSendData = sendDataValue.booleanValue();
            } else {
                ignored.add(
                        "desired "
                                + SEND_DATA
                                + " "
                                + sendDataValue
                                + " is not true or false; "
                                + SEND_DATA
                                + " stays "
                                + sendData);
            }
        }
        JsonNode intervalValue = desired.get(SEND_INTERVAL);
        if (intervalValue != null && !intervalValue.isNull()) {
            Duration requested = positiveSeconds(intervalValue);
            if (requested != null && requested.compareTo(MIN_INTERVAL) >= 0) {
                newInterval = requested;
            } else {
                ignored.add(
                        "desired "
                                + SEND_INTERVAL
                                + " "
                                + intervalValue
                                + " is not a number of seconds of at least "
                                + seconds(MIN_INTERVAL)
                                + "; "
                                + SEND_INTERVAL
                                + " stays "
                                + seconds(interval));
            }
        }
        return new Update(new SendSettings(newSendData, newInterval), List.copyOf(ignored));
    }

    private static Duration positiveSeconds(JsonNode value) {
        if (!value.isNumber()) {
            return null;
        }
        BigDecimal seconds = value.decimalValue();
        if (seconds.signum() <= 0) {
            return null;
        }
        try {
            long nanos =
                    seconds.movePointRight(9).setScale(0, RoundingMode.HALF_UP).longValueExact();
            return nanos > 0 ? Duration.ofNanos(nanos) : null;
        } catch (ArithmeticException tooLong) {
            return null;
        }
    }

    /**
     * @return the properties to report to the twin: {@code SendData} and {@code SendInterval} in
     *     seconds, as in effect
     */
    Map<String, Object> reported() {
        Map<String, Object> reported = new LinkedHashMap<>();
        reported.put(SEND_DATA, sendData);
        reported.put(SEND_INTERVAL, seconds(interval));
        return reported;
    }

    /** Whole seconds as an integer, as the twin's own values are; fractions as a decimal. */
    static Number seconds(Duration duration) {
        return duration.toNanosPart() == 0
                ? (Number) duration.toSeconds()
                : (Number) (duration.toNanos() / 1e9);
    }
}
