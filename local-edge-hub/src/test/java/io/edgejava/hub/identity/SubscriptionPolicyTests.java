package io.edgejava.hub.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubscriptionPolicyTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "modules/filter/inputs/input1",
                "modules/filter/inputs/+",
                "modules/filter/inputs/#",
                "modules/filter/methods/Reset",
                "modules/filter/methods/+",
                "modules/filter/method-responses",
                "modules/filter/method-responses/#",
                "modules/filter/twin/desired"
            })
    void allowsAModuleItsOwnInputsMethodsResponsesAndDesiredProperties(String filter) {
        assertThat(SubscriptionPolicy.check("filter", filter)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "#",
                "+/filter/inputs/input1",
                "modules/#",
                "modules/+/inputs/input1",
                "modules/sensor/inputs/input1",
                "modules/filter/#",
                "modules/filter/+/input1",
                "modules/filter/outputs/output1",
                "modules/filter/twin/reported",
                "modules/filter/twin/#",
                "modules/filter/inputs",
                "modules/filter/inputs/",
                "$share/group/modules/filter/inputs/input1",
                "upstream/#"
            })
    void refusesEverythingElseWithAReasonNamingTheModuleAndFilter(String filter) {
        assertThat(SubscriptionPolicy.check("filter", filter))
                .hasValueSatisfying(
                        reason -> assertThat(reason).contains("'filter'").contains(filter));
    }
}
