package io.edgejava.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgejava.edge.contract.Topics;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** What the hub keeps in its data folder survives a restart of the hub. */
class HubRestartTests {

    private final HubFixture hub = new HubFixture();

    @Test
    void deliversMessagesQueuedForAnAbsentModuleAfterTheHubRestarts() throws Exception {
        String tag = UUID.randomUUID().toString();
        try (ConfigurableApplicationContext first = start()) {
            try (TestModule filter = hub.connect("filter")) {
                filter.subscribe(Topics.allInputs("filter"));
                filter.disconnect();
            }
            try (TestModule sensor = hub.connect("sensor")) {
                for (int i = 0; i < 5; i++) {
                    assertThat(
                                    sensor.publishJson(
                                            Topics.output("sensor", "temperatureOutput"),
                                            "{\"tag\":\"" + tag + "\",\"i\":" + i + "}",
                                            Map.of()))
                            .isZero();
                }
                sensor.publishJson(
                        Topics.twinReported("sensor"), "{\"tag\":\"" + tag + "\"}", Map.of());
            }
        }
        try (ConfigurableApplicationContext second = start();
                TestModule filter = hub.connect("filter")) {
            assertThat(filter.awaitOn(Topics.input("filter", "input1"), 5))
                    .allMatch(message -> message.body().contains(tag))
                    .hasSize(5);
            assertThat(
                            second.getBean(io.edgejava.hub.twin.TwinStore.class)
                                    .twin("sensor")
                                    .orElseThrow()
                                    .path("reported")
                                    .path("tag")
                                    .asString())
                    .isEqualTo(tag);
        }
    }

    private ConfigurableApplicationContext start() {
        return SpringApplication.run(LocalEdgeHubApplication.class, hub.arguments());
    }
}
