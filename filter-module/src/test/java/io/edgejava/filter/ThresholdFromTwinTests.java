package io.edgejava.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgejava.edge.DesiredProperties;
import io.edgejava.edge.EdgeHub;
import io.edgejava.edge.MethodResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.SubscribableChannel;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class ThresholdFromTwinTests {

    private static final JsonMapper json = JsonMapper.builder().build();

    /** Only what the threshold uses: its reports, recorded. */
    static final class ReportingHub implements EdgeHub {
        final List<Map<String, ?>> reports = new CopyOnWriteArrayList<>();

        @Override
        public String moduleId() {
            return "filter-module";
        }

        @Override
        public SubscribableChannel input(String name) {
            throw new UnsupportedOperationException("not used by the threshold");
        }

        @Override
        public Set<String> inputNames() {
            throw new UnsupportedOperationException("not used by the threshold");
        }

        @Override
        public MessageChannel output(String name) {
            throw new UnsupportedOperationException("not used by the threshold");
        }

        @Override
        public CompletableFuture<MethodResponse> invoke(
                String module, String method, Object payload, Duration timeout) {
            throw new UnsupportedOperationException("not used by the threshold");
        }

        @Override
        public Optional<DesiredProperties> desiredProperties() {
            return Optional.empty();
        }

        @Override
        public CompletableFuture<Void> reportProperties(Map<String, ?> patch) {
            reports.add(Map.copyOf(patch));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public boolean isConnected() {
            return true;
        }
    }

    private final ReportingHub hub = new ReportingHub();
    private final TemperatureThreshold threshold = new TemperatureThreshold(25, hub);
    private final ThresholdFromTwin twin = new ThresholdFromTwin(threshold);

    private static DesiredProperties desired(long version, String properties) {
        return new DesiredProperties(version, (ObjectNode) json.readTree(properties));
    }

    @Test
    void aSetThresholdSurvivesADesiredChangeOfAnotherProperty() {
        twin.onDesiredProperties(desired(1, "{\"TemperatureThreshold\": 30}"));
        threshold.set(27.5, "direct method SetThreshold");

        twin.onDesiredProperties(desired(2, "{\"TemperatureThreshold\": 30, \"Other\": true}"));

        assertThat(threshold.current()).isEqualTo(27.5);
        assertThat(hub.reports.get(hub.reports.size() - 1))
                .isEqualTo(Map.of("TemperatureThreshold", 27.5));
    }

    @Test
    void aDesiredChangeOfTheThresholdItselfReplacesASetThreshold() {
        twin.onDesiredProperties(desired(1, "{\"TemperatureThreshold\": 30}"));
        threshold.set(27.5, "direct method SetThreshold");

        twin.onDesiredProperties(desired(2, "{\"TemperatureThreshold\": 32}"));

        assertThat(threshold.current()).isEqualTo(32);
    }

    @Test
    void aDesiredValueThatIsNotANumberIsIgnoredAndTheValueInEffectReported() {
        twin.onDesiredProperties(desired(1, "{\"TemperatureThreshold\": \"hot\"}"));

        assertThat(threshold.current()).isEqualTo(25);
        assertThat(hub.reports).containsExactly(Map.of("TemperatureThreshold", 25.0));
    }
}
