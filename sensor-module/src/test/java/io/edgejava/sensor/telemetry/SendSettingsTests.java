package io.edgejava.sensor.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SendSettingsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final SendSettings inEffect = new SendSettings(true, Duration.ofSeconds(5));

    @Test
    void validDesiredValuesTakeEffect() {
        SendSettings.Update update =
                inEffect.withDesired(desired("{\"SendData\": false, \"SendInterval\": 2}"));

        assertThat(update.settings()).isEqualTo(new SendSettings(false, Duration.ofSeconds(2)));
        assertThat(update.ignored()).isEmpty();
    }

    @Test
    void anIntervalMayBeAFractionOfASecond() {
        SendSettings.Update update = inEffect.withDesired(desired("{\"SendInterval\": 0.25}"));

        assertThat(update.settings().interval()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void absentValuesChangeNothing() {
        SendSettings.Update update = inEffect.withDesired(desired("{\"Other\": 1}"));

        assertThat(update.settings()).isEqualTo(inEffect);
        assertThat(update.ignored()).isEmpty();
    }

    @Test
    void valuesOfTheWrongTypeAreIgnoredWithAReasonNamingThem() {
        SendSettings.Update update =
                inEffect.withDesired(desired("{\"SendData\": \"no\", \"SendInterval\": \"fast\"}"));

        assertThat(update.settings()).isEqualTo(inEffect);
        assertThat(update.ignored())
                .containsExactly(
                        "desired SendData \"no\" is not true or false; SendData stays true",
                        "desired SendInterval \"fast\" is not a number of seconds of at least"
                                + " 0.01; SendInterval stays 5");
    }

    @Test
    void anIntervalOfZeroOrLessIsIgnored() {
        for (String interval : new String[] {"0", "-1", "0.0000000001"}) {
            SendSettings.Update update =
                    inEffect.withDesired(desired("{\"SendInterval\": " + interval + "}"));

            assertThat(update.settings()).isEqualTo(inEffect);
            assertThat(update.ignored())
                    .singleElement()
                    .asString()
                    .startsWith("desired SendInterval ")
                    .endsWith("SendInterval stays 5");
        }
    }

    @Test
    void anIntervalBelowTenMillisecondsIsIgnoredWithAReasonNamingTheFloor() {
        SendSettings.Update update = inEffect.withDesired(desired("{\"SendInterval\": 0.009}"));

        assertThat(update.settings()).isEqualTo(inEffect);
        assertThat(update.ignored())
                .containsExactly(
                        "desired SendInterval 0.009 is not a number of seconds of at least 0.01;"
                                + " SendInterval stays 5");
    }

    @Test
    void anIntervalOfExactlyTenMillisecondsTakesEffect() {
        SendSettings.Update update = inEffect.withDesired(desired("{\"SendInterval\": 0.01}"));

        assertThat(update.settings().interval()).isEqualTo(Duration.ofMillis(10));
        assertThat(update.ignored()).isEmpty();
    }

    @Test
    void aValidValueTakesEffectBesideAnIgnoredOne() {
        SendSettings.Update update =
                inEffect.withDesired(desired("{\"SendData\": false, \"SendInterval\": -3}"));

        assertThat(update.settings()).isEqualTo(new SendSettings(false, Duration.ofSeconds(5)));
        assertThat(update.ignored()).hasSize(1);
    }

    @Test
    void theReportedValuesAreTheOnesInEffectWithTheIntervalInSeconds() {
        assertThat(inEffect.reported()).isEqualTo(Map.of("SendData", true, "SendInterval", 5L));
        assertThat(new SendSettings(false, Duration.ofMillis(100)).reported())
                .isEqualTo(Map.of("SendData", false, "SendInterval", 0.1));
    }

    private static JsonNode desired(String json) {
        return JSON.readTree(json);
    }
}
