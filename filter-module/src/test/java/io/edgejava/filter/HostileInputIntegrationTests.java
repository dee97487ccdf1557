package io.edgejava.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edgejava.edge.contract.SystemProperties;
import io.edgejava.edge.contract.Topics;
import io.edgejava.hub.TestModule;
import io.edgejava.hub.testing.LocalHub;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hostile input through the filter's real flow (the hub, the project's routes): a test module
 * playing sensor-module sends a corpus of malformed and hostile messages on {@code
 * temperatureOutput}; each is dead-lettered by filter-module with a reason naming the problem
 * (route {@code filterDeadLetters}, seen in {@code GET /api/upstream}) and counted as invalid by
 * {@code GetStats}; a message over the hub's size limit is refused by the hub, visibly. The filter
 * keeps forwarding valid readings after the corpus.
 */
class HostileInputIntegrationTests {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String TEMPERATURE_OUTPUT = Topics.output("sensor-module", "temperatureOutput");
    static final String READINGS = Topics.input("sql-writer-module", "readings");
    static final JsonMapper json = JsonMapper.builder().build();

    /** PUBACK reason codes below 0x80 mean accepted. */
    static final int ACCEPTED_BELOW = 0x80;

    /** PUBACK "quota exceeded": the hub's answer to a message over its size limit. */
    static final int QUOTA_EXCEEDED = 0x97;

    static LocalHub hub;
    static ConfigurableApplicationContext filter;
    static TestModule sensor;
    static TestModule writer;

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

    /**
     * One message of the corpus.
     *
     * @param name what it is, sent along as the property {@code case}
     * @param body its bytes
     * @param encoding its declared {@code $contentEncoding}, or {@code null} for none
     * @param reason what the dead letter's reason must contain
     */
    record Hostile(String name, byte[] body, String encoding, String reason) {
        Hostile(String name, String body, String reason) {
            this(name, body.getBytes(StandardCharsets.UTF_8), "utf-8", reason);
        }
    }

    static String reading(String temperature) {
        return "{\"machine\":{\"temperature\":"
                + temperature
                + ",\"pressure\":1.25},\"ambient\":{\"temperature\":21.5,\"humidity\":26},"
                + "\"timeCreated\":\"2025-06-01T10:00:00.500Z\"}";
    }

    static byte[] encoded(String text, String charset) {
        return text.getBytes(Charset.forName(charset));
    }

    static final String NOT_JSON = "the body is not JSON: ";
    static final String NOT_A_NUMBER = "machine.temperature is not a number but ";
    static final String MISSING = "machine.temperature is missing";
    static final String NOT_FINITE =
            "machine.temperature is not a finite number: it is beyond ±1.8e308, the range of a"
                    + " double";
    static final String NUL = "the body is not UTF-8 JSON: it has a NUL byte";

    static final List<Hostile> CORPUS =
            List.of(
                    new Hostile("not JSON", "not a reading", NOT_JSON),
                    new Hostile("truncated JSON", reading("30.5").substring(0, 30), NOT_JSON),
                    new Hostile(
                            "empty payload",
                            new byte[0],
                            "utf-8",
                            "the body is empty, not a JSON reading"),
                    new Hostile("array", "[1, 2]", "the body is not a JSON object but array"),
                    new Hostile("number", "30.5", "the body is not a JSON object but number"),
                    new Hostile(
                            "wrong type: string",
                            reading("\"hot\""),
                            NOT_A_NUMBER + "string \"hot\""),
                    new Hostile(
                            "wrong type: boolean", reading("true"), NOT_A_NUMBER + "boolean true"),
                    new Hostile(
                            "wrong type: object",
                            reading("{\"value\":30.5}"),
                            NOT_A_NUMBER + "object {\"value\":30.5}"),
                    new Hostile("wrong type: machine is an array", "{\"machine\":[30.5]}", MISSING),
                    new Hostile(
                            "missing machine",
                            "{\"ambient\":{\"temperature\":21.5,\"humidity\":26}}",
                            MISSING),
                    new Hostile(
                            "missing temperature",
                            reading("0").replace("\"temperature\":0,", ""),
                            MISSING),
                    new Hostile("null temperature", reading("null"), MISSING),
                    new Hostile("NaN token", reading("NaN"), NOT_JSON),
                    new Hostile("Infinity token", reading("Infinity"), NOT_JSON),
                    new Hostile("-Infinity token", reading("-Infinity"), NOT_JSON),
                    new Hostile("NaN string", reading("\"NaN\""), NOT_A_NUMBER + "string \"NaN\""),
                    new Hostile(
                            "Infinity string",
                            reading("\"Infinity\""),
                            NOT_A_NUMBER + "string \"Infinity\""),
                    new Hostile("huge number", reading("1e400"), NOT_FINITE),
                    new Hostile("huge negative number", reading("-1e400"), NOT_FINITE),
                    new Hostile("huge integer", reading("1" + "0".repeat(400)), NOT_FINITE),
                    new Hostile("5000 digits", reading("9".repeat(5_000)), NOT_JSON),
                    new Hostile(
                            "deep nesting",
                            "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000),
                            NOT_JSON),
                    new Hostile(
                            "deep nesting in machine",
                            reading("[".repeat(10_000) + "]".repeat(10_000)),
                            NOT_JSON),
                    new Hostile(
                            "long string",
                            reading("\"" + "x".repeat(200 * 1024) + "\""),
                            NOT_A_NUMBER + "string \"xxxxxxxx"),
                    new Hostile(
                            "long field name", "{\"" + "k".repeat(100 * 1024) + "\":1}", NOT_JSON),
                    new Hostile(
                            "invalid UTF-8",
                            concat(
                                    utf8("{\"machine\":{\"temperature\":30.5},\"x\":\""),
                                    new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF},
                                    utf8("\"}")),
                            "utf-8",
                            "the body is not UTF-8: "),
                    new Hostile(
                            "UTF-16 with a byte order mark, declared utf-8",
                            encoded(reading("30.5"), "UTF-16"),
                            "utf-8",
                            NUL),
                    new Hostile(
                            "UTF-16LE without a byte order mark, declared utf-8",
                            encoded(reading("30.5"), "UTF-16LE"),
                            "utf-8",
                            NUL),
                    new Hostile(
                            "UTF-32, declared utf-8",
                            encoded(reading("30.5"), "UTF-32"),
                            "utf-8",
                            NUL),
                    new Hostile(
                            "UTF-16, no encoding declared",
                            encoded(reading("30.5"), "UTF-16"),
                            null,
                            NUL),
                    new Hostile(
                            "UTF-32LE, no encoding declared",
                            encoded(reading("30.5"), "UTF-32LE"),
                            null,
                            NUL),
                    new Hostile(
                            "UTF-16, declared utf-16",
                            encoded(reading("30.5"), "UTF-16"),
                            "utf-16",
                            "the content encoding is 'utf-16', not utf-8"),
                    new Hostile(
                            "UTF-32, declared utf-32",
                            encoded(reading("30.5"), "UTF-32"),
                            "utf-32",
                            "the content encoding is 'utf-32', not utf-8"),
                    new Hostile(
                            "NUL byte in UTF-8 text",
                            concat(utf8(reading("30.5")), new byte[] {0}),
                            "utf-8",
                            NUL));

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    @Test
    void eachHostileMessageIsDeadLetteredWithItsReasonCountedAndTheFilterGoesOn() throws Exception {
        JsonNode before = stats();
        String marker = UUID.randomUUID().toString();
        for (Hostile hostile : CORPUS) {
            assertThat(publish(hostile.body(), hostile.encoding(), marker, hostile.name()))
                    .as("the hub accepts %s", hostile.name())
                    .isLessThan(ACCEPTED_BELOW);
        }

        await().atMost(WAIT)
                .untilAsserted(
                        () ->
                                assertThat(hub.deadLetters(marker))
                                        .as("dead letters of the corpus")
                                        .hasSize(CORPUS.size()));
        List<String> wrong = new ArrayList<>();
        for (Hostile hostile : CORPUS) {
            String reason = reasonOf(marker, hostile.name());
            if (reason == null || !reason.contains(hostile.reason())) {
                wrong.add(hostile.name() + ": '" + reason + "' lacks '" + hostile.reason() + "'");
            }
        }
        assertThat(wrong).as("dead letters without the expected reason").isEmpty();
        assertThat(hub.deadLetters(marker))
                .allSatisfy(
                        message -> {
                            assertThat(message.path("module").asString())
                                    .isEqualTo("filter-module");
                            assertThat(message.path("route").asString())
                                    .isEqualTo("filterDeadLetters");
                            assertThat(
                                            message.path("properties")
                                                    .path("deadLetterAttempts")
                                                    .asString())
                                    .as("dead-lettered at once, not retried")
                                    .isEqualTo("1");
                        });
        JsonNode after = stats();
        assertThat(delta(after, before, "received")).isEqualTo(CORPUS.size());
        assertThat(delta(after, before, "invalid")).isEqualTo(CORPUS.size());
        assertThat(delta(after, before, "forwarded")).isZero();
        assertThat(delta(after, before, "failed")).isZero();
        assertThat(writer.receivedOn(READINGS))
                .noneMatch(message -> marker.equals(message.property("marker")));

        aValidReadingIsStillForwarded();
    }

    @Test
    void aMessageOverTheHubsSizeLimitIsRefusedByTheHubVisiblyAndNeverReachesTheFilter()
            throws Exception {
        JsonNode before = stats();
        double refusedBefore = hubRefusedTooLarge();
        String huge = reading("\"" + "x".repeat(256 * 1024) + "\"");

        int reasonCode = publish(utf8(huge), "utf-8", UUID.randomUUID().toString(), "too large");

        assertThat(reasonCode).as("PUBACK reason code").isEqualTo(QUOTA_EXCEEDED);
        assertThat(hubRefusedTooLarge()).isEqualTo(refusedBefore + 1);
        assertThat(sensor.isConnected()).as("the sender stays connected").isTrue();
        aValidReadingIsStillForwarded();
        assertThat(delta(stats(), before, "received"))
                .as("only the valid reading reached the filter")
                .isEqualTo(1);
    }

    void aValidReadingIsStillForwarded() throws Exception {
        String id = UUID.randomUUID().toString();
        MqttProperties properties = properties("utf-8", Map.of(SystemProperties.MESSAGE_ID, id));
        assertThat(sensor.publish(TEMPERATURE_OUTPUT, utf8(reading("99.5")), properties))
                .isLessThan(ACCEPTED_BELOW);
        await().atMost(WAIT)
                .until(
                        () ->
                                writer.receivedOn(READINGS).stream()
                                        .anyMatch(
                                                message ->
                                                        id.equals(message.property("$messageId"))));
        assertThat(filter.isActive()).isTrue();
    }

    static int publish(byte[] body, String encoding, String marker, String name) throws Exception {
        return sensor.publish(
                TEMPERATURE_OUTPUT,
                body,
                properties(encoding, Map.of("marker", marker, "case", name)));
    }

    static MqttProperties properties(String encoding, Map<String, String> more) {
        MqttProperties properties = new MqttProperties();
        List<UserProperty> user = new ArrayList<>();
        if (encoding != null) {
            user.add(new UserProperty(SystemProperties.CONTENT_ENCODING, encoding));
        }
        more.forEach((name, value) -> user.add(new UserProperty(name, value)));
        properties.setUserProperties(user);
        properties.setContentType("application/json");
        return properties;
    }

    static JsonNode stats() {
        return json.readTree(
                        hub.admin()
                                .post()
                                .uri("/api/modules/filter-module/methods/GetStats?timeoutSeconds=5")
                                .contentType(MediaType.APPLICATION_JSON)
                                .body("{}")
                                .retrieve()
                                .body(String.class))
                .path("payload");
    }

    static long delta(JsonNode after, JsonNode before, String counter) {
        return after.path(counter).asLong() - before.path(counter).asLong();
    }

    /** The hub's counter {@code hub.messages.refused} for messages over its size limit. */
    static double hubRefusedTooLarge() {
        JsonNode metric =
                hub.admin()
                        .get()
                        .uri("/actuator/metrics/hub.messages.refused?tag=reason:too-large")
                        .exchange(
                                (request, response) ->
                                        response.getStatusCode().is2xxSuccessful()
                                                ? json.readTree(response.getBody())
                                                : null);
        return metric == null ? 0 : metric.path("measurements").get(0).path("value").asDouble();
    }

    static String reasonOf(String marker, String name) {
        return hub.deadLetters(marker).stream()
                .filter(message -> name.equals(message.path("properties").path("case").asString()))
                .map(message -> message.path("properties").path("deadLetterReason").asString())
                .findFirst()
                .orElse(null);
    }
}
