package io.edgejava.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ThresholdReaderTests {

    private static final JsonMapper json = JsonMapper.builder().build();

    private static JsonNode tree(String text) {
        return json.readTree(text);
    }

    @Test
    void aNumericDesiredThresholdIsRead() {
        assertThat(ThresholdReader.fromDesired(tree("{\"TemperatureThreshold\": 30}")))
                .hasValue(30);
        assertThat(ThresholdReader.fromDesired(tree("{\"TemperatureThreshold\": -2.5}")))
                .hasValue(-2.5);
    }

    @Test
    void desiredPropertiesWithoutAThresholdAskForNone() {
        assertThat(ThresholdReader.fromDesired(tree("{\"Other\": 1}"))).isEmpty();
        assertThat(ThresholdReader.fromDesired(tree("{\"TemperatureThreshold\": null}"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"TemperatureThreshold\": \"hot\"}  | desired property TemperatureThreshold must be a number, not \"hot\"",
                "{\"TemperatureThreshold\": \"30\"}   | desired property TemperatureThreshold must be a number, not \"30\"",
                "{\"TemperatureThreshold\": {\"a\":1}} | desired property TemperatureThreshold must be a number, not {\"a\":1}",
                "{\"TemperatureThreshold\": 1e400}    | desired property TemperatureThreshold must be a finite number"
            })
    void aDesiredThresholdThatIsNotAFiniteNumberIsRefusedNamingIt(String desired, String reason) {
        assertThatThrownBy(() -> ThresholdReader.fromDesired(tree(desired)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(reason);
    }

    @Test
    void aMethodPayloadWithANumberIsRead() {
        assertThat(ThresholdReader.fromMethodPayload(tree("{\"threshold\": 28.5}")))
                .isEqualTo(28.5);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{}                         | threshold is missing",
                "{\"threshold\": null}      | threshold is missing",
                "{\"threshold\": \"warm\"}  | threshold must be a number, not \"warm\"",
                "{\"threshold\": \"NaN\"}   | threshold must be a number, not \"NaN\"",
                "{\"threshold\": 1e400}     | threshold must be a finite number",
                "[30]                       | the payload must be a JSON object",
                "30                         | the payload must be a JSON object"
            })
    void aMethodPayloadWithoutAFiniteThresholdIsRefusedSayingWhy(String payload, String reason) {
        assertThatThrownBy(() -> ThresholdReader.fromMethodPayload(tree(payload)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(reason);
    }
}
