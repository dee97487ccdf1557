package io.edgejava.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edgejava.edge.contract.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** A full module queue drops messages, as HiveMQ must; the hub makes every drop visible. */
class HubQueueLimitTests {

    private final HubFixture hub = new HubFixture();

    @Test
    void countsTheMessagesAFullQueueDrops() throws Exception {
        String[] arguments = hub.arguments();
        String[] withSmallQueue = java.util.Arrays.copyOf(arguments, arguments.length + 1);
        withSmallQueue[arguments.length] = "--hub.mqtt.max-queued-messages=2";
        try (ConfigurableApplicationContext context =
                SpringApplication.run(LocalEdgeHubApplication.class, withSmallQueue)) {
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            try (TestModule filter = hub.connect("filter")) {
                filter.subscribe(Topics.allInputs("filter"));
                filter.disconnect();
            }
            String tag = UUID.randomUUID().toString();
            try (TestModule sensor = hub.connect("sensor")) {
                for (int i = 0; i < 5; i++) {
                    sensor.publishJson(
                            Topics.output("sensor", "temperatureOutput"),
                            "{\"tag\":\"" + tag + "\",\"i\":" + i + "}",
                            Map.of());
                }
            }
            await().until(
                            () ->
                                    meters.get("hub.broker.messages.dropped")
                                                    .functionCounter()
                                                    .count()
                                            == 3);
            try (TestModule filter = hub.connect("filter")) {
                assertThat(filter.awaitOn(Topics.input("filter", "input1"), 2)).hasSize(2);
            }
        }
    }
}
