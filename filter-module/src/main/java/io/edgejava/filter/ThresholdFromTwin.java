package io.edgejava.filter;

import io.edgejava.edge.DesiredProperties;
import io.edgejava.edge.DesiredPropertiesListener;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Takes the threshold from the twin's desired {@code TemperatureThreshold}, live. A value that is
 * not a number is ignored, not guessed at: the module keeps its threshold and reports it, so the
 * operator sees in the twin which value is in effect.
 *
 * <p>Desired properties arrive whole whenever any of them changes. The threshold is applied only
 * when {@code TemperatureThreshold} itself changed: applying an unchanged value again would
 * silently undo a {@code SetThreshold} made since.
 */
final class ThresholdFromTwin implements DesiredPropertiesListener {

    private static final Logger log = LoggerFactory.getLogger(ThresholdFromTwin.class);

    private final TemperatureThreshold threshold;

    /** The last desired value seen; listeners are called one at a time. */
    private JsonNode lastSeen;

    ThresholdFromTwin(TemperatureThreshold threshold) {
        this.threshold = threshold;
    }

    @Override
    public void onDesiredProperties(DesiredProperties desired) {
        JsonNode value = desired.properties().path(ThresholdReader.DESIRED_PROPERTY);
        if (value.equals(lastSeen)) {
            threshold.report();
            return;
        }
        lastSeen = value;
        OptionalDouble wanted;
        try {
            wanted = ThresholdReader.fromDesired(desired.properties());
        } catch (IllegalArgumentException e) {
            log.warn(
                    "Ignoring the twin's desired properties version {}: {}; the threshold stays"
                            + " {} °C",
                    desired.version(),
                    e.getMessage(),
                    threshold.current());
            threshold.report();
            return;
        }
        if (wanted.isEmpty()) {
            threshold.report();
            return;
        }
        threshold.set(
                wanted.getAsDouble(),
                "the twin's desired properties (version " + desired.version() + ")");
    }
}
