package io.edgejava.caller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edgejava.edge.contract.Topics;
import io.edgejava.hub.TestModule;
import io.edgejava.hub.testing.LocalHub;
import io.edgejava.peers.sensor.ResettableSensor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The caller's alert side against the real hub and the project's routes: a test module plays
 * filter-module and publishes alerts on its {@code output1}, which the route {@code alertsToCaller}
 * brings to the caller.
 */
class CallerAlertsIntegrationTests {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String ALERTS = Topics.output("filter-module", "output1");
    static final String CONTROL = Topics.input("sensor-module", "control");
    static final JsonMapper json = JsonMapper.builder().build();

    /** PUBACK reason codes below 0x80 mean accepted (16: no subscriber to the output topic). */
    static final int ACCEPTED_BELOW = 0x80;

    static LocalHub hub;
    static TestModule filter;

    @BeforeAll
    static void start() throws Exception {
        hub = LocalHub.withProjectManifest();
        filter = hub.connect("filter-module");
    }

    @AfterAll
    static void stop() throws Exception {
        filter.close();
        hub.close();
    }

    /** A caller whose scheduled stats stay out of the way of these tests. */
    static ConfigurableApplicationContext caller() {
        return hub.runModule(
                DirectMethodCallerApplication.class,
                "direct-method-caller",
                "--caller.stats.interval=1h");
    }

    static void publishAlerts(int count) throws Exception {
        for (int i = 1; i <= count; i++) {
            assertThat(
                            filter.publishJson(
                                    ALERTS,
                                    "{\"machine\":{\"temperature\":"
                                            + (30 + i)
                                            + ".5,\"pressure\":1.2},\"ambient\":{\"temperature\":21.0,"
                                            + "\"humidity\":25},\"timeCreated\":\"2025-06-01T10:00:00Z\"}",
                                    Map.of(
                                            "$messageId", UUID.randomUUID().toString(),
                                            "MessageType", "Alert",
                                            "sequenceNumber", Integer.toString(i))))
                    .isLessThan(ACCEPTED_BELOW);
        }
    }

    static double count(ConfigurableApplicationContext context, String name, String... tags) {
        Counter counter = context.getBean(MeterRegistry.class).find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void fiveAlertsWithinTheWindowResetTheSensorOnceByDirectMethod() throws Exception {
        try (ConfigurableApplicationContext sensor =
                        hub.runModule(ResettableSensor.class, "sensor-module");
                ConfigurableApplicationContext caller = caller()) {
            ResettableSensor.Resets resets = sensor.getBean(ResettableSensor.Resets.class);

            publishAlerts(5);
            await().atMost(WAIT).until(() -> resets.count() == 1);

            // Four more are not a new burst: the window started afresh after the reset.
            publishAlerts(4);
            await().atMost(WAIT).until(() -> count(caller, "caller.alerts") == 9);
            // The call is counted after the sensor's answer, which can come after the reset ran.
            await().atMost(WAIT)
                    .untilAsserted(
                            () ->
                                    assertThat(
                                                    count(
                                                            caller,
                                                            "caller.calls",
                                                            "module",
                                                            "sensor-module",
                                                            "method",
                                                            "Reset",
                                                            "status",
                                                            "200"))
                                            .isEqualTo(1));
            assertThat(count(caller, "caller.resets", "by", "method")).isEqualTo(1);
            assertThat(resets.count()).isEqualTo(1);
            assertThat(count(caller, "caller.resets", "by", "message")).isZero();
        }
    }

    @Test
    void withTheSensorAwayTheResetFallsBackToAControlMessageThatWaitsForIt() throws Exception {
        // The sensor has been here once (so the hub keeps its input for it) and is away now.
        try (TestModule sensor = hub.connect("sensor-module")) {
            sensor.subscribe(CONTROL);
        }
        try (ConfigurableApplicationContext caller = caller()) {
            publishAlerts(5);

            await().atMost(WAIT).until(() -> count(caller, "caller.resets", "by", "message") == 1);
            await().atMost(WAIT)
                    .untilAsserted(
                            () ->
                                    assertThat(
                                                    count(
                                                            caller,
                                                            "caller.calls",
                                                            "module",
                                                            "sensor-module",
                                                            "method",
                                                            "Reset",
                                                            "status",
                                                            "404"))
                                            .isEqualTo(1));
            // A reset the sensor did not answer is not a reset by method.
            assertThat(count(caller, "caller.resets", "by", "method")).isZero();
        }
        try (TestModule sensor = hub.connect("sensor-module")) {
            List<TestModule.Received> control = sensor.awaitOn(CONTROL, 1);

            TestModule.Received command = control.get(0);
            assertThat(json.readTree(command.body()))
                    .isEqualTo(json.readTree("{\"command\":\"reset\"}"));
            assertThat(command.property("$connectionModuleId")).isEqualTo("direct-method-caller");
            assertThat(command.property("$messageId")).isNotBlank();
            assertThat(command.message().getProperties().getContentType())
                    .isEqualTo("application/json");
        }
    }

    /** An alert the caller cannot use, and what its dead letter's reason must say. */
    record Hostile(String name, byte[] body, String reason) {
        Hostile(String name, String body, String reason) {
            this(name, body.getBytes(StandardCharsets.UTF_8), reason);
        }
    }

    static final String NOT_JSON = "the alert is not JSON: ";
    static final String NOT_A_READING =
            "the alert has no finite number machine.temperature, so it is not a reading";

    static final List<Hostile> ALERT_CORPUS =
            List.of(
                    new Hostile("not JSON", "overheating!", NOT_JSON),
                    new Hostile("empty payload", "", NOT_A_READING),
                    new Hostile("array", "[30.5]", NOT_A_READING),
                    new Hostile("missing field", "{\"machine\":{}}", NOT_A_READING),
                    new Hostile(
                            "wrong type", "{\"machine\":{\"temperature\":\"hot\"}}", NOT_A_READING),
                    new Hostile(
                            "huge number", "{\"machine\":{\"temperature\":1e400}}", NOT_A_READING),
                    new Hostile("NaN", "{\"machine\":{\"temperature\":NaN}}", NOT_JSON),
                    new Hostile("deep nesting", "[".repeat(10_000), NOT_JSON),
                    new Hostile(
                            "long string",
                            "{\"machine\":{\"temperature\":\"" + "9".repeat(200_000) + "\"}}",
                            NOT_A_READING),
                    new Hostile(
                            "UTF-16",
                            "{\"machine\":{\"temperature\":90}}"
                                    .getBytes(StandardCharsets.UTF_16BE),
                            "the alert is not UTF-8"),
                    new Hostile(
                            "malformed UTF-8",
                            new byte[] {'{', '"', (byte) 0xC3, 0x28, '"', '}'},
                            "the alert is not UTF-8"));

    @Test
    void eachAlertThatIsNotAReadingIsDeadLetteredWithItsReasonCountedAndNotCountedAsAnAlert()
            throws Exception {
        String marker = UUID.randomUUID().toString();
        try (ConfigurableApplicationContext caller = caller()) {
            double alertsBefore = count(caller, "caller.alerts");
            for (Hostile hostile : ALERT_CORPUS) {
                MqttProperties properties = new MqttProperties();
                properties.setUserProperties(
                        List.of(
                                new UserProperty("marker", marker),
                                new UserProperty("case", hostile.name())));
                assertThat(filter.publish(ALERTS, hostile.body(), properties))
                        .as(hostile.name())
                        .isLessThan(0x80);
            }

            await().atMost(WAIT).until(() -> hub.deadLetters(marker).size() == ALERT_CORPUS.size());
            Map<String, String> reasons = new HashMap<>();
            for (JsonNode message : hub.deadLetters(marker)) {
                assertThat(message.path("module").asString()).isEqualTo("direct-method-caller");
                assertThat(message.path("route").asString()).isEqualTo("callerDeadLetters");
                JsonNode properties = message.path("properties");
                assertThat(properties.path("deadLetterInput").asString()).isEqualTo("alerts");
                reasons.put(
                        properties.path("case").asString(),
                        properties.path("deadLetterReason").asString());
            }
            for (Hostile hostile : ALERT_CORPUS) {
                // Only our own wording: after "not JSON: " the parser's is Jackson's.
                assertThat(reasons.get(hostile.name()))
                        .as(hostile.name())
                        .startsWith(hostile.reason());
            }
            assertThat(count(caller, "edge.messages.dead-lettered", "input", "alerts"))
                    .isEqualTo(ALERT_CORPUS.size());
            assertThat(count(caller, "caller.alerts")).isEqualTo(alertsBefore);

            publishAlerts(1);
            await().atMost(WAIT).until(() -> count(caller, "caller.alerts") == alertsBefore + 1);
        }
    }
}
