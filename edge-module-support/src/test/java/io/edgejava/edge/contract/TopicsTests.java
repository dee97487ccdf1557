package io.edgejava.edge.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicsTests {

    @Test
    void namesEveryTopicOfTheContract() {
        assertThat(Topics.output("sensor", "temperatureOutput"))
                .isEqualTo("modules/sensor/outputs/temperatureOutput");
        assertThat(Topics.input("filter", "input1")).isEqualTo("modules/filter/inputs/input1");
        assertThat(Topics.allInputs("filter")).isEqualTo("modules/filter/inputs/+");
        assertThat(Topics.method("filter", "Reset")).isEqualTo("modules/filter/methods/Reset");
        assertThat(Topics.allMethods("filter")).isEqualTo("modules/filter/methods/+");
        assertThat(Topics.methodResponses("caller")).isEqualTo("modules/caller/method-responses");
        assertThat(Topics.twinDesired("filter")).isEqualTo("modules/filter/twin/desired");
        assertThat(Topics.twinReported("filter")).isEqualTo("modules/filter/twin/reported");
        assertThat(Topics.upstream("sensor", "out")).isEqualTo("upstream/sensor/out");
    }

    @ParameterizedTest
    @CsvSource({
        "modules/sensor/outputs/temperatureOutput, sensor, OUTPUT, temperatureOutput",
        "modules/filter/inputs/input1, filter, INPUT, input1",
        "modules/filter/methods/Reset, filter, METHOD, Reset",
        "modules/caller/method-responses, caller, METHOD_RESPONSES, ",
        "modules/filter/twin/desired, filter, TWIN_DESIRED, ",
        "modules/filter/twin/reported, filter, TWIN_REPORTED, "
    })
    void readsATopicBackIntoItsParts(
            String topic, String module, ModuleTopic.Kind kind, String name) {
        assertThat(Topics.parse(topic)).contains(new ModuleTopic(module, kind, name));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "modules",
                "modules/sensor",
                "modules//outputs/x",
                "modules/sensor/outputs",
                "modules/sensor/outputs/",
                "modules/sensor/outputs/a/b",
                "modules/sensor/twin/other",
                "modules/sensor/unknown/x",
                "upstream/sensor/out",
                "devices/d/messages/events"
            })
    void refusesTopicsOutsideTheContract(String topic) {
        assertThat(Topics.parse(topic)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a/b", "a+", "#"})
    void refusesNamesThatCannotBeATopicLevel(String name) {
        assertThatThrownBy(() -> Topics.output("sensor", name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("topic level");
    }

    @Test
    void tellsSystemPropertiesFromApplicationProperties() {
        assertThat(SystemProperties.isSystemProperty(SystemProperties.MESSAGE_ID)).isTrue();
        assertThat(SystemProperties.isSystemProperty("batchId")).isFalse();
    }
}
