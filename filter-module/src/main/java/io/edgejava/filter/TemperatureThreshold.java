package io.edgejava.filter;

import io.edgejava.edge.EdgeHub;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threshold in effect, and its report to the twin: whoever changes it (the twin, the direct
 * method), the reported {@code TemperatureThreshold} tells operators which value the module uses.
 */
final class TemperatureThreshold {

    private static final Logger log = LoggerFactory.getLogger(TemperatureThreshold.class);

    private final EdgeHub hub;
    private volatile double value;

    TemperatureThreshold(double initial, EdgeHub hub) {
        this.value = initial;
        this.hub = hub;
    }

    /**
     * @return the threshold in effect, °C
     */
    double current() {
        return value;
    }

    /**
     * Sets the threshold and reports it.
     *
     * @param threshold °C, finite
     * @param source who set it, for the log
     */
    synchronized void set(double threshold, String source) {
        double previous = value;
        value = threshold;
        log.info("Temperature threshold {} °C (was {} °C), set by {}", threshold, previous, source);
        report();
    }

    /** Reports the threshold in effect to the twin; a failure is logged, never thrown. */
    synchronized void report() {
        double reported = value;
        hub.reportProperties(Map.of(ThresholdReader.DESIRED_PROPERTY, reported))
                .whenComplete(
                        (done, failure) -> {
                            if (failure != null) {
                                log.warn(
                                        "Could not report {} = {} to the twin: {}",
                                        ThresholdReader.DESIRED_PROPERTY,
                                        reported,
                                        failure.getMessage());
                            }
                        });
    }
}
