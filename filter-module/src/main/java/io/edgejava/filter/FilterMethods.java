package io.edgejava.filter;

import io.edgejava.edge.DirectMethod;
import io.edgejava.edge.MethodResult;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The module's direct methods: {@code SetThreshold} and {@code GetStats}. */
final class FilterMethods {

    private static final Logger log = LoggerFactory.getLogger(FilterMethods.class);

    private final TemperatureThreshold threshold;
    private final FilterStats stats;
    private final JsonMapper json;

    FilterMethods(TemperatureThreshold threshold, FilterStats stats, JsonMapper json) {
        this.threshold = threshold;
        this.stats = stats;
        this.json = json;
    }

    /**
     * Sets the threshold until the twin's desired {@code TemperatureThreshold} next changes.
     *
     * <p>The payload is read here rather than bound to a record, so that a wrong one is answered
     * with what exactly is wrong with it.
     *
     * @param payload {@code {"threshold": <number>}}
     * @return 200 {@code {"threshold": x}}, or 400 {@code {"message": "<what is wrong>"}}
     */
    @DirectMethod("SetThreshold")
    MethodResult setThreshold(byte[] payload) {
        double requested;
        try {
            requested = ThresholdReader.fromMethodPayload(parse(payload));
        } catch (IllegalArgumentException e) {
            log.info("SetThreshold refused: {}", e.getMessage());
            return new MethodResult(400, Map.of("message", e.getMessage()));
        }
        threshold.set(requested, "direct method SetThreshold");
        return MethodResult.ok(Map.of(ThresholdReader.METHOD_FIELD, requested));
    }

    /**
     * @return the counters and the threshold in effect
     */
    @DirectMethod("GetStats")
    FilterStats.Snapshot getStats() {
        return stats.snapshot(threshold.current());
    }

    private JsonNode parse(byte[] payload) {
        if (payload == null || payload.length == 0) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(payload);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(
                    "the payload is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
