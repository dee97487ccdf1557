package io.edgejava.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edgejava.edge.contract.Topics;
import io.edgejava.hub.TestModule;
import io.edgejava.hub.testing.LocalHub;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * filter-module against the real hub and the project's routes: a test module plays the sensor, one
 * plays the writer that the route {@code alertsToWriter} feeds.
 */
class FilterModuleIntegrationTests {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String READINGS = Topics.input("sql-writer-module", "readings");
    static final String TEMPERATURE_OUTPUT = Topics.output("sensor-module", "temperatureOutput");
    static final JsonMapper json = JsonMapper.builder().build();

    /** PUBACK reason codes below 0x80 mean accepted (16: no subscriber to the output topic). */
    static final int ACCEPTED_BELOW = 0x80;

    static LocalHub hub;
    static ConfigurableApplicationContext filter;
    static TestModule sensor;
    static TestModule writer;

    /** One run of the sensor per test, so a test sees only its own messages. */
    final String batchId = UUID.randomUUID().toString();

    int sequence;

    @BeforeAll
    static void start() throws Exception {
        hub = LocalHub.withProjectManifest();
        writer = hub.connect("sql-writer-module");
        writer.subscribe(READINGS);
        sensor = hub.connect("sensor-module");
        filter = hub.runModule(FilterModuleApplication.class, "filter-module");
    }

    @AfterAll
    static void stop() throws Exception {
        filter.close();
        sensor.close();
        writer.close();
        hub.close();
    }

    /** Publishes a reading as the sensor does, and returns its message id. */
    String publishReading(String temperature) throws Exception {
        String messageId = UUID.randomUUID().toString();
        sequence++;
        String body =
                "{\"machine\":{\"temperature\":"
                        + temperature
                        + ",\"pressure\":1.1},\"ambient\":{\"temperature\":21.5,\"humidity\":26},"
                        + "\"timeCreated\":\"2025-06-01T10:00:0"
                        + sequence
                        + "Z\"}";
        assertThat(
                        sensor.publishJson(
                                TEMPERATURE_OUTPUT,
                                body,
                                Map.of(
                                        "$messageId", messageId,
                                        "sequenceNumber", Integer.toString(sequence),
                                        "batchId", batchId)))
                .isLessThan(ACCEPTED_BELOW);
        return messageId;
    }

    List<TestModule.Received> alertsOfThisTest() {
        return writer.receivedOn(READINGS).stream()
                .filter(message -> batchId.equals(message.property("batchId")))
                .toList();
    }

    List<TestModule.Received> awaitAlerts(int count) {
        await().atMost(WAIT).until(() -> alertsOfThisTest().size() >= count);
        return alertsOfThisTest();
    }

    static double temperatureOf(TestModule.Received message) {
        return json.readTree(message.body()).path("machine").path("temperature").asDouble();
    }

    record Answer(int status, JsonNode body) {}

    static Answer invoke(String method, String payload) {
        return hub.admin()
                .post()
                .uri("/api/modules/filter-module/methods/{method}?timeoutSeconds=5", method)
                .contentType(MediaType.APPLICATION_JSON)
                .body(payload)
                .exchange(
                        (request, response) ->
                                new Answer(
                                        response.getStatusCode().value(),
                                        json.readTree(response.getBody())));
    }

    static JsonNode twin() {
        return json.readTree(
                hub.admin().get().uri("/api/twins/filter-module").retrieve().body(String.class));
    }

    static void patchDesiredThreshold(String value) {
        hub.admin()
                .patch()
                .uri("/api/twins/filter-module/desired")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"TemperatureThreshold\": " + value + "}")
                .retrieve()
                .toBodilessEntity();
    }

    static void setThreshold(double threshold) {
        assertThat(invoke("SetThreshold", "{\"threshold\": " + threshold + "}").status())
                .isEqualTo(200);
        awaitReportedThreshold(threshold);
    }

    static void awaitReportedThreshold(double threshold) {
        await().atMost(WAIT)
                .until(
                        () ->
                                twin().path("reported").path("TemperatureThreshold").asDouble()
                                        == threshold);
    }

    @Test
    void onlyReadingsAboveTheThresholdAreForwardedAsAlertsWithTheReadingsIdAndProperties()
            throws Exception {
        setThreshold(25);
        publishReading("20.0");
        publishReading("25.0");
        String hot = publishReading("30.5");
        String hotter = publishReading("41.0");

        List<TestModule.Received> alerts = awaitAlerts(2);

        assertThat(alerts)
                .extracting(FilterModuleIntegrationTests::temperatureOf)
                .containsExactly(30.5, 41.0);
        TestModule.Received alert = alerts.get(0);
        assertThat(alert.property("$messageId")).isEqualTo(hot);
        assertThat(alerts.get(1).property("$messageId")).isEqualTo(hotter);
        assertThat(alert.property("MessageType")).isEqualTo("Alert");
        assertThat(alert.property("sequenceNumber")).isEqualTo("3");
        assertThat(alert.property("batchId")).isEqualTo(batchId);
        assertThat(alert.property("$connectionModuleId")).isEqualTo("filter-module");
        assertThat(alert.property("$contentEncoding")).isEqualTo("utf-8");
        assertThat(alert.message().getProperties().getContentType()).isEqualTo("application/json");
        assertThat(alert.body()).contains("\"timeCreated\":\"2025-06-01T10:00:03Z\"");
    }

    @Test
    void aThresholdPatchedIntoTheTwinChangesWhatIsForwardedAndIsReportedBack() throws Exception {
        patchDesiredThreshold("35");
        awaitReportedThreshold(35);

        publishReading("34.0");
        publishReading("35.5");

        assertThat(awaitAlerts(1))
                .extracting(FilterModuleIntegrationTests::temperatureOf)
                .containsExactly(35.5);

        patchDesiredThreshold("25");
        awaitReportedThreshold(25);
        publishReading("26.0");
        assertThat(awaitAlerts(2))
                .extracting(FilterModuleIntegrationTests::temperatureOf)
                .containsExactly(35.5, 26.0);
    }

    @Test
    void aDesiredThresholdThatIsNotANumberIsIgnoredAndTheThresholdInEffectIsReported() {
        setThreshold(27);
        long reportedVersion = twin().path("reported").path("$version").asLong();

        patchDesiredThreshold("\"hot\"");

        // The filter answers every desired change with a report, also one it ignored.
        await().atMost(WAIT)
                .until(() -> twin().path("reported").path("$version").asLong() > reportedVersion);
        assertThat(twin().path("reported").path("TemperatureThreshold").asDouble()).isEqualTo(27);
        assertThat(invoke("GetStats", "{}").body().path("payload").path("threshold").asDouble())
                .isEqualTo(27);
        patchDesiredThreshold("25");
        awaitReportedThreshold(25);
    }

    @Test
    void setThresholdAnswersTheNewThresholdAndReportsIt() {
        Answer answer = invoke("SetThreshold", "{\"threshold\": 28.5}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("payload").path("threshold").asDouble()).isEqualTo(28.5);
        awaitReportedThreshold(28.5);
        assertThat(invoke("GetStats", "{}").body().path("payload").path("threshold").asDouble())
                .isEqualTo(28.5);
    }

    @Test
    void setThresholdWithoutANumberAnswers400SayingWhatIsWrong() {
        setThreshold(26);

        Answer missing = invoke("SetThreshold", "{}");
        Answer text = invoke("SetThreshold", "{\"threshold\": \"warm\"}");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().path("payload").path("message").asString())
                .startsWith("threshold is missing");
        assertThat(text.status()).isEqualTo(400);
        assertThat(text.body().path("payload").path("message").asString())
                .isEqualTo("threshold must be a number, not \"warm\"");
        assertThat(invoke("GetStats", "{}").body().path("payload").path("threshold").asDouble())
                .isEqualTo(26);
    }

    @Test
    void getStatsCountsWhatTheFilterDid() throws Exception {
        setThreshold(25);
        JsonNode before = invoke("GetStats", "{}").body().path("payload");

        publishReading("10.0");
        publishReading("50.0");
        awaitAlerts(1);
        sensor.publishJson(TEMPERATURE_OUTPUT, "{\"machine\":{}}", Map.of("batchId", batchId));

        await().atMost(WAIT)
                .untilAsserted(
                        () -> {
                            Answer after = invoke("GetStats", "{}");
                            assertThat(after.status()).isEqualTo(200);
                            JsonNode stats = after.body().path("payload");
                            assertThat(delta(stats, before, "received")).isEqualTo(3);
                            assertThat(delta(stats, before, "forwarded")).isEqualTo(1);
                            assertThat(delta(stats, before, "rejected")).isEqualTo(1);
                            assertThat(delta(stats, before, "invalid")).isEqualTo(1);
                            assertThat(delta(stats, before, "failed")).isZero();
                            assertThat(stats.path("threshold").asDouble()).isEqualTo(25);
                        });
    }

    static long delta(JsonNode after, JsonNode before, String counter) {
        return after.path(counter).asLong() - before.path(counter).asLong();
    }

    @Test
    void aMalformedReadingIsDeadLetteredUpstreamWithTheReasonAndTheFilterKeepsWorking()
            throws Exception {
        setThreshold(25);
        String marker = UUID.randomUUID().toString();
        sensor.publish(TEMPERATURE_OUTPUT, "not a reading", Map.of("marker", marker));
        sensor.publishJson(
                TEMPERATURE_OUTPUT,
                "{\"machine\":{\"temperature\":\"hot\"}}",
                Map.of("marker", marker));

        await().atMost(WAIT)
                .untilAsserted(
                        () ->
                                assertThat(deadLetters(marker))
                                        .as(
                                                hub.admin()
                                                        .get()
                                                        .uri("/api/upstream")
                                                        .retrieve()
                                                        .body(String.class))
                                        .hasSize(2));
        List<JsonNode> deadLetters = deadLetters(marker);
        assertThat(deadLetters)
                .allSatisfy(
                        message -> {
                            assertThat(message.path("module").asString())
                                    .isEqualTo("filter-module");
                            assertThat(message.path("output").asString()).isEqualTo("deadLetter");
                            assertThat(message.path("route").asString())
                                    .isEqualTo("filterDeadLetters");
                        });
        assertThat(deadLetters)
                .extracting(
                        message -> message.path("properties").path("deadLetterReason").asString())
                .satisfiesExactlyInAnyOrder(
                        // Only the module's own prefix: the parser's wording is Jackson's.
                        reason -> assertThat(reason).startsWith("the body is not JSON: "),
                        reason ->
                                assertThat(reason)
                                        .isEqualTo(
                                                "machine.temperature is not a number but string"
                                                        + " \"hot\""));

        publishReading("33.0");
        assertThat(awaitAlerts(1))
                .extracting(FilterModuleIntegrationTests::temperatureOf)
                .containsExactly(33.0);
    }

    static List<JsonNode> deadLetters(String marker) {
        JsonNode upstream =
                json.readTree(hub.admin().get().uri("/api/upstream").retrieve().body(String.class));
        return upstream.valueStream()
                .filter(message -> "deadLetter".equals(message.path("output").asString()))
                .filter(
                        message ->
                                marker.equals(message.path("properties").path("marker").asString()))
                .toList();
    }
}
