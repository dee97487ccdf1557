package io.edgejava.filter;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgejava.edge.InvalidMessageException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class TemperatureFilterTests {

    private final TemperatureFilter filter = new TemperatureFilter(JsonMapper.builder().build());

    static byte[] reading(String temperature) {
        return ("{\"machine\":{\"temperature\":"
                        + temperature
                        + ",\"pressure\":1.2},\"ambient\":{\"temperature\":21.0,\"humidity\":25},"
                        + "\"timeCreated\":\"2025-01-01T00:00:00Z\"}")
                .getBytes(UTF_8);
    }

    @Test
    void aReadingAboveTheThresholdIsAnAlert() {
        TemperatureFilter.Verdict verdict = filter.judge(reading("25.01"), 25);

        assertThat(verdict.alert()).isTrue();
        assertThat(verdict.temperature()).isEqualTo(25.01);
        assertThat(verdict.threshold()).isEqualTo(25);
    }

    @Test
    void aReadingAtTheThresholdIsNotAnAlert() {
        assertThat(filter.judge(reading("25"), 25).alert()).isFalse();
    }

    @Test
    void aReadingBelowTheThresholdIsNotAnAlert() {
        assertThat(filter.judge(reading("-3.5"), 25).alert()).isFalse();
    }

    @Test
    void aNegativeThresholdWorksLikeAnyOther() {
        assertThat(filter.judge(reading("-3.5"), -4).alert()).isTrue();
    }

    @Test
    void anIntegerBeyondTheRangeOfADoubleIsRefusedAsNotFinite() {
        assertThatThrownBy(() -> filter.judge(reading("1" + "0".repeat(400)), 25))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessage(
                        "machine.temperature is not a finite number: it is beyond ±1.8e308, the"
                                + " range of a double");
    }

    @Test
    void aReadingInUtf16WithAByteOrderMarkIsRefusedThoughJacksonWouldReadIt() {
        byte[] utf16 = new String(reading("30.5"), UTF_8).getBytes(StandardCharsets.UTF_16);

        assertThatThrownBy(() -> filter.judge(utf16, 25))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessage(
                        "the body is not UTF-8 JSON: it has a NUL byte at offset 2 (UTF-16 or"
                                + " UTF-32 text?)");
    }

    @Test
    void nestingTenThousandLevelsDeepIsRefusedAsNotJsonWithoutOverflowingTheStack() {
        byte[] deep = ("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)).getBytes(UTF_8);

        assertThatThrownBy(() -> filter.judge(deep, 25))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageStartingWith("the body is not JSON: ");
    }

    @Test
    void aNumberOfThousandsOfDigitsIsRefusedAsNotJson() {
        assertThatThrownBy(() -> filter.judge(reading("9".repeat(5_000)), 25))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageStartingWith("the body is not JSON: ");
    }

    @Test
    void aLongStringAsTheTemperatureIsRefusedAndTheReasonQuotesOnlyItsStart() {
        assertThatThrownBy(() -> filter.judge(reading("\"" + "x".repeat(200 * 1024) + "\""), 25))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessage(
                        "machine.temperature is not a number but string \""
                                + "x".repeat(59)
                                + "...");
    }

    @Test
    void onlyTheMachineTemperatureIsRequired() {
        assertThat(filter.judge("{\"machine\":{\"temperature\":30}}".getBytes(UTF_8), 25).alert())
                .isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "not json                                   | the body is not JSON",
                "{\"machine\":{\"temperature\":NaN}}        | the body is not JSON",
                "''                                         | the body is empty",
                "[1,2]                                      | the body is not a JSON object but array",
                "\"hot\"                                    | the body is not a JSON object but string",
                "{\"ambient\":{\"temperature\":20}}         | machine.temperature is missing",
                "{\"machine\":{}}                           | machine.temperature is missing",
                "{\"machine\":{\"temperature\":null}}       | machine.temperature is missing",
                "{\"machine\":\"hot\"}                      | machine.temperature is missing",
                "{\"machine\":{\"temperature\":\"30\"}}     | machine.temperature is not a number but string \"30\"",
                "{\"machine\":{\"temperature\":\"NaN\"}}    | machine.temperature is not a number but string \"NaN\"",
                "{\"machine\":{\"temperature\":true}}       | machine.temperature is not a number but boolean",
                "{\"machine\":{\"temperature\":1e400}}      | machine.temperature is not a finite number",
                "{\"machine\":{\"temperature\":-1e400}}     | machine.temperature is not a finite number"
            })
    void aBodyThatIsNotAReadingIsInvalidAndTheReasonSaysWhy(String body, String reason) {
        assertThatThrownBy(() -> filter.judge(body.getBytes(UTF_8), 25))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageStartingWith(reason);
    }
}
