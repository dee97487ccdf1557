package io.edgejava.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edgejava.edge.contract.Topics;
import io.edgejava.hub.TestModule;
import io.edgejava.hub.testing.LocalHub;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * sensor-module against the real hub, with the project's manifest: its routes, its twin, its direct
 * methods. Peers are plain MQTT clients logged in as the modules the routes lead to.
 *
 * <p>Peers keep persistent sessions, so readings of an earlier test may still arrive; a test looks
 * only at messages created after it started the sensor.
 */
class SensorModuleTests {

    private static final String SENSOR = "sensor-module";
    private static final String READINGS = Topics.input("filter-module", "input1");
    private static final String CLAIM_CHECKS = Topics.input("sql-writer-module", "batches");
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static LocalHub hub;

    @TempDir static Path batchFolder;

    @BeforeAll
    static void startHub() {
        hub = LocalHub.withProjectManifest();
    }

    @AfterAll
    static void stopHub() {
        hub.close();
    }

    /** The manifest's 2 s would make these tests slow; the twin is what users change, too. */
    @BeforeEach
    void sendFast() {
        patchDesired("{\"SendData\": true, \"SendInterval\": 0.1}");
    }

    @Test
    void readingsArriveAtTheFilterAsJsonWithSequenceBatchIdAndMessageId() throws Exception {
        try (TestModule filter = subscribed("filter-module", READINGS)) {
            Instant started = Instant.now();
            try (ConfigurableApplicationContext sensor = runSensor()) {
                List<TestModule.Received> readings = awaitReadings(filter, started, 3);

                for (int i = 0; i < 3; i++) {
                    TestModule.Received reading = readings.get(i);
                    assertThat(reading.message().getProperties().getContentType())
                            .isEqualTo("application/json");
                    assertThat(reading.property("$contentEncoding")).isEqualTo("utf-8");
                    assertThat(UUID.fromString(reading.property("$messageId"))).isNotNull();
                    assertThat(reading.property("$connectionModuleId")).isEqualTo(SENSOR);
                    assertThat(reading.property("sequenceNumber"))
                            .isEqualTo(Integer.toString(i + 1));
                    assertThat(reading.property("batchId"))
                            .isEqualTo(readings.get(0).property("batchId"));
                    JsonNode body = JSON.readTree(reading.body());
                    assertThat(body.propertyNames())
                            .containsExactly("machine", "ambient", "timeCreated");
                    assertThat(body.get("machine").propertyNames())
                            .containsExactly("temperature", "pressure");
                    assertThat(body.get("ambient").propertyNames())
                            .containsExactly("temperature", "humidity");
                    assertThat(body.get("machine").get("temperature").isDouble()).isTrue();
                    assertThat(body.get("ambient").get("humidity").isInt()).isTrue();
                }
                assertThat(UUID.fromString(readings.get(0).property("batchId"))).isNotNull();
                assertThat(
                                readings.stream()
                                        .map(reading -> reading.property("$messageId"))
                                        .distinct())
                        .hasSize(3);
            }
        }
    }

    @Test
    void everyClaimCheckNamesACompleteFileWithItsRowCountAndDigest() throws Exception {
        try (TestModule writer = subscribed("sql-writer-module", CLAIM_CHECKS)) {
            Instant started = Instant.now();
            try (ConfigurableApplicationContext sensor =
                    runSensor("--sensor.batch.every=2", "--sensor.batch.rows=50")) {
                await().atMost(WAIT).until(() -> claimChecks(writer, started).size() >= 2);
            }
            List<TestModule.Received> claims = claimChecks(writer, started);
            for (TestModule.Received claim : claims) {
                assertThat(claim.message().getProperties().getContentType())
                        .isEqualTo("application/json");
                assertThat(UUID.fromString(claim.property("$messageId"))).isNotNull();
                JsonNode check = JSON.readTree(claim.body());
                assertThat(check.propertyNames())
                        .containsExactly("fileName", "rowCount", "sha256", "timeCreated");
                String fileName = check.get("fileName").asString();
                assertThat(fileName).matches("readings-[0-9a-f-]{36}-\\d{6}\\.csv");
                byte[] bytes = Files.readAllBytes(batchFolder.resolve(fileName));
                assertThat(check.get("sha256").asString()).isEqualTo(sha256(bytes));
                List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
                assertThat(lines.get(0))
                        .isEqualTo(
                                "timeCreated,machineTemperature,machinePressure,"
                                        + "ambientTemperature,ambientHumidity");
                assertThat(lines).hasSize(51);
                assertThat(check.get("rowCount").asInt()).isEqualTo(50);
            }
            try (Stream<Path> files = Files.list(batchFolder)) {
                assertThat(files.map(path -> path.getFileName().toString()))
                        .noneMatch(name -> name.endsWith(".tmp"));
            }
        }
    }

    @Test
    void sendDataFalseStopsTheReadingsAndTheTwinShowsTheSettingsInEffect() throws Exception {
        try (TestModule filter = subscribed("filter-module", READINGS)) {
            Instant started = Instant.now();
            try (ConfigurableApplicationContext sensor = runSensor()) {
                awaitReadings(filter, started, 2);
                await().atMost(WAIT).until(() -> reported().path("SendInterval").asDouble() == 0.1);

                patchDesired("{\"SendData\": false, \"SendInterval\": 0.2}");
                await().atMost(WAIT)
                        .until(
                                () ->
                                        !reported().path("SendData").asBoolean(true)
                                                && reported().path("SendInterval").asDouble()
                                                        == 0.2);

                Instant paused = Instant.now();
                await().during(Duration.ofSeconds(1))
                        .atMost(Duration.ofSeconds(3))
                        .until(() -> readingsOfThisRun(filter, paused).isEmpty());

                patchDesired("{\"SendData\": true}");
                awaitReadings(filter, paused, 1);
            }
        }
    }

    @Test
    void theResetMethodAnswersAndTheNextReadingIsBackAtTheStartOfTheRamp() throws Exception {
        try (TestModule filter = subscribed("filter-module", READINGS)) {
            Instant started = Instant.now();
            try (ConfigurableApplicationContext sensor = runSensor()) {
                awaitTemperatureAbove(filter, started, 26);
                // A reading created between this instant and the reset's answer may still be on
                // the old ramp, so the test looks for one reset reading after it, not the first.
                Instant asked = Instant.now();

                ResponseEntity<String> answer =
                        hub.admin()
                                .post()
                                .uri(
                                        "/api/modules/{module}/methods/Reset?timeoutSeconds=10",
                                        SENSOR)
                                .contentType(MediaType.APPLICATION_JSON)
                                .body("{}")
                                .retrieve()
                                .toEntity(String.class);

                assertThat(answer.getStatusCode().value()).isEqualTo(200);
                JsonNode payload = JSON.readTree(answer.getBody()).get("payload");
                assertThat(payload.get("reset").asBoolean()).isTrue();
                assertThat(payload.get("machineTemperature").asDouble()).isEqualTo(21.0);
                // Before the reset the ramp is above 26 °C, and it never falls 4 °C by itself.
                await().atMost(WAIT)
                        .until(
                                () ->
                                        readingsOfThisRun(filter, asked).stream()
                                                .anyMatch(r -> machineTemperature(r) <= 22.25));
            }
        }
    }

    @Test
    void aResetCommandFromTheCallerRestartsTheRamp() throws Exception {
        try (TestModule filter = subscribed("filter-module", READINGS);
                TestModule caller = hub.connect("direct-method-caller")) {
            Instant started = Instant.now();
            try (ConfigurableApplicationContext sensor = runSensor()) {
                awaitTemperatureAbove(filter, started, 26);
                Instant sent = Instant.now();

                caller.publishJson(
                        Topics.output("direct-method-caller", "sensorControl"),
                        "{\"command\":\"reset\"}",
                        Map.of());

                // Before the reset the ramp is above 26 °C, and it never falls 4 °C by itself.
                await().atMost(WAIT)
                        .until(
                                () ->
                                        readingsOfThisRun(filter, sent).stream()
                                                .anyMatch(r -> machineTemperature(r) <= 22.25));
            }
        }
    }

    /** A control message the sensor cannot use, and what its dead letter's reason must say. */
    record Hostile(String name, byte[] body, String reason) {
        Hostile(String name, String body, String reason) {
            this(name, body.getBytes(StandardCharsets.UTF_8), reason);
        }
    }

    static final String SHAPE = "{\"command\":\"reset\"}";

    static final List<Hostile> CONTROL_CORPUS =
            List.of(
                    new Hostile(
                            "unknown command",
                            "{\"command\":\"explode\"}",
                            "unknown control command 'explode'"),
                    new Hostile("not JSON", "reset please", "the control message is not JSON"),
                    new Hostile("empty payload", "", SHAPE),
                    new Hostile("array", "[\"reset\"]", SHAPE),
                    new Hostile("wrong type", "{\"command\":5}", "no string field 'command'"),
                    new Hostile(
                            "missing field", "{\"cmd\":\"reset\"}", "no string field 'command'"),
                    new Hostile("huge number", "{\"command\":1e400}", "no string field 'command'"),
                    new Hostile("deep nesting", "[".repeat(10_000), "nesting depth"),
                    new Hostile(
                            "long string",
                            "{\"command\":\"" + "x".repeat(200_000) + "\"}",
                            "unknown control command 'xxx"),
                    new Hostile(
                            "UTF-16",
                            SHAPE.getBytes(StandardCharsets.UTF_16LE),
                            "the control message is not UTF-8"),
                    new Hostile(
                            "malformed UTF-8",
                            new byte[] {'{', '"', (byte) 0xC3, 0x28, '"', '}'},
                            "the control message is not UTF-8"));

    @Test
    void eachControlMessageTheSensorCannotUseIsDeadLetteredWithItsReasonAndCounted()
            throws Exception {
        try (TestModule caller = hub.connect("direct-method-caller");
                ConfigurableApplicationContext sensor = runSensor()) {
            String marker = UUID.randomUUID().toString();
            Counter deadLettered =
                    sensor.getBean(MeterRegistry.class)
                            .counter("edge.messages.dead-lettered", "input", "control");
            double before = deadLettered.count();

            for (Hostile hostile : CONTROL_CORPUS) {
                assertThat(
                                caller.publish(
                                        Topics.output("direct-method-caller", "sensorControl"),
                                        hostile.body(),
                                        properties(
                                                Map.of("marker", marker, "case", hostile.name()))))
                        .as(hostile.name())
                        .isLessThan(0x80);
            }

            await().atMost(WAIT)
                    .until(() -> hub.deadLetters(marker).size() == CONTROL_CORPUS.size());
            Map<String, String> reasons = new HashMap<>();
            for (JsonNode deadLetter : hub.deadLetters(marker)) {
                JsonNode properties = deadLetter.path("properties");
                reasons.put(
                        properties.path("case").asString(),
                        properties.path("deadLetterReason").asString());
            }
            for (Hostile hostile : CONTROL_CORPUS) {
                assertThat(reasons.get(hostile.name()))
                        .as(hostile.name())
                        .contains(hostile.reason());
            }
            assertThat(deadLettered.count() - before).isEqualTo(CONTROL_CORPUS.size());
            assertThat(sensor.isRunning()).isTrue();
        }
    }

    @Test
    void aMessageCountSendsExactlyThatManyReadings() throws Exception {
        try (TestModule filter = subscribed("filter-module", READINGS)) {
            Instant started = Instant.now();
            try (ConfigurableApplicationContext sensor = runSensor("--sensor.message-count=3")) {
                awaitReadings(filter, started, 3);
                await().during(Duration.ofSeconds(1))
                        .atMost(Duration.ofSeconds(3))
                        .until(() -> readingsOfThisRun(filter, started).size() == 3);
                assertThat(readingsOfThisRun(filter, started))
                        .extracting(reading -> reading.property("sequenceNumber"))
                        .containsExactly("1", "2", "3");
            }
        }
    }

    @Test
    void readingsAboveTheMaximumGoUpstreamBecauseTheirBodyIsDeclaredJson() {
        Instant started = Instant.now();
        try (ConfigurableApplicationContext sensor =
                runSensor(
                        "--sensor.machine.temperature-min=99.5",
                        "--sensor.machine.temperature-max=100")) {
            await().atMost(WAIT)
                    .until(
                            () ->
                                    upstreamOf("overheatingUpstream").stream()
                                            .map(m -> JSON.readTree(m.path("body").asString()))
                                            .filter(
                                                    body ->
                                                            !Instant.parse(
                                                                            body.get("timeCreated")
                                                                                    .asString())
                                                                    .isBefore(started))
                                            .anyMatch(
                                                    body ->
                                                            body.get("machine")
                                                                            .get("temperature")
                                                                            .asDouble()
                                                                    > 100));
        }
    }

    // --- helpers

    private static ConfigurableApplicationContext runSensor(String... more) {
        List<String> settings = new ArrayList<>();
        settings.add("--sensor.send-interval=100ms");
        settings.add("--sensor.batch.folder=" + batchFolder);
        settings.addAll(List.of(more));
        return hub.runModule(
                SensorModuleApplication.class, SENSOR, settings.toArray(String[]::new));
    }

    private static TestModule subscribed(String module, String topic) throws Exception {
        TestModule peer = hub.connect(module);
        peer.subscribe(topic);
        return peer;
    }

    private static List<TestModule.Received> readingsOfThisRun(TestModule filter, Instant since) {
        return filter.receivedOn(READINGS).stream()
                .filter(reading -> !timeCreated(reading).isBefore(since))
                .toList();
    }

    private static List<TestModule.Received> awaitReadings(
            TestModule filter, Instant since, int count) {
        await().atMost(WAIT).until(() -> readingsOfThisRun(filter, since).size() >= count);
        return readingsOfThisRun(filter, since);
    }

    private static void awaitTemperatureAbove(TestModule filter, Instant since, double degrees) {
        await().atMost(WAIT)
                .until(
                        () ->
                                readingsOfThisRun(filter, since).stream()
                                        .anyMatch(r -> machineTemperature(r) > degrees));
    }

    private static List<TestModule.Received> claimChecks(TestModule writer, Instant since) {
        return writer.receivedOn(CLAIM_CHECKS).stream()
                .filter(claim -> !timeCreated(claim).isBefore(since))
                .toList();
    }

    private static Instant timeCreated(TestModule.Received message) {
        return Instant.parse(JSON.readTree(message.body()).get("timeCreated").asString());
    }

    private static double machineTemperature(TestModule.Received reading) {
        return JSON.readTree(reading.body()).get("machine").get("temperature").asDouble();
    }

    private static void patchDesired(String patch) {
        hub.admin()
                .patch()
                .uri("/api/twins/{module}/desired", SENSOR)
                .contentType(MediaType.APPLICATION_JSON)
                .body(patch)
                .retrieve()
                .toBodilessEntity();
    }

    private static JsonNode reported() {
        String twin =
                hub.admin().get().uri("/api/twins/{module}", SENSOR).retrieve().body(String.class);
        return JSON.readTree(twin).path("reported");
    }

    private static List<JsonNode> upstreamOf(String route) {
        String upstream = hub.admin().get().uri("/api/upstream").retrieve().body(String.class);
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode message : JSON.readTree(upstream)) {
            if (SENSOR.equals(message.path("module").asString())
                    && route.equals(message.path("route").asString())) {
                found.add(message);
            }
        }
        return found;
    }

    private static MqttProperties properties(Map<String, String> user) {
        MqttProperties properties = new MqttProperties();
        List<UserProperty> list = new ArrayList<>();
        user.forEach((name, value) -> list.add(new UserProperty(name, value)));
        properties.setUserProperties(list);
        return properties;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
