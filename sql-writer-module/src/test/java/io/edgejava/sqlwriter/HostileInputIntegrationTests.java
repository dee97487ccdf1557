package io.edgejava.sqlwriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edgejava.edge.contract.SystemProperties;
import io.edgejava.hub.TestModule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Hostile input through the writer's real flow (hub, routes, H2): a corpus of malformed readings
 * and claim checks is dead-lettered with a reason naming the problem and counted by {@code
 * GetStats}; SQL injection payloads in every field of a reading and of a batch file are stored as
 * the exact text, ignored (fields the writer does not store), or dead-lettered; claim checks naming
 * files outside the shared folder are refused. The writer keeps working after each.
 */
class HostileInputIntegrationTests {

    static final Duration WAIT = Duration.ofSeconds(30);

    static final List<String> INJECTIONS =
            List.of(
                    "'; DROP TABLE measurements; --",
                    "' OR '1'='1",
                    "\" OR \"1\"=\"1",
                    "'); DELETE FROM measurements WHERE ('1'='1",
                    "\\'; DROP TABLE inserted_batch_files; --",
                    "100%_done",
                    "%",
                    "_",
                    "\\",
                    "''''",
                    "Robert'); DROP TABLE measurements;--",
                    "x' UNION SELECT message_id FROM measurements --",
                    "'".repeat(255));

    @TempDir static Path folder;

    static WriterFixture fixture;
    static Path batches;

    @BeforeAll
    static void start() throws Exception {
        batches = Files.createDirectories(folder.resolve("batches"));
        fixture =
                new WriterFixture(
                        batches,
                        List.of("--spring.datasource.url=jdbc:h2:file:" + folder.resolve("db")));
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    record Hostile(String name, byte[] body, String reason) {}

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String reading() {
        return WriterFixture.reading(30.0);
    }

    static final List<Hostile> READINGS =
            List.of(
                    new Hostile("not JSON", utf8("not a reading"), "the body is not JSON"),
                    new Hostile("empty", new byte[0], "the body is empty"),
                    new Hostile("array", utf8("[1, 2]"), "the body is not a JSON object but array"),
                    new Hostile(
                            "wrong type",
                            utf8(reading().replace("\"humidity\":26", "\"humidity\":\"wet\"")),
                            "ambient.humidity is not a number but string \"wet\""),
                    new Hostile(
                            "fraction humidity",
                            utf8(reading().replace("\"humidity\":26", "\"humidity\":26.5")),
                            "ambient.humidity is not a whole number"),
                    new Hostile(
                            "missing field",
                            utf8(reading().replace(",\"pressure\":1.25", "")),
                            "machine.pressure is missing"),
                    new Hostile(
                            "missing object",
                            utf8("{\"timeCreated\":\"2025-06-01T10:00:00Z\"}"),
                            "machine is missing"),
                    new Hostile(
                            "NaN", utf8(reading().replace("30.0", "NaN")), "the body is not JSON"),
                    new Hostile(
                            "Infinity",
                            utf8(reading().replace("30.0", "Infinity")),
                            "the body is not JSON"),
                    new Hostile(
                            "huge number",
                            utf8(reading().replace("30.0", "1e400")),
                            "machine.temperature is not a finite number"),
                    new Hostile(
                            "huge integer",
                            utf8(reading().replace("30.0", "1" + "0".repeat(400))),
                            "machine.temperature is not a finite number"),
                    new Hostile(
                            "deep nesting",
                            utf8("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)),
                            "the body is not JSON"),
                    new Hostile(
                            "long string",
                            utf8(
                                    reading()
                                            .replace(
                                                    "2025-06-01T10:00:00.500Z",
                                                    "x".repeat(200 * 1024))),
                            "timeCreated is not an ISO-8601 instant"),
                    new Hostile(
                            "invalid UTF-8",
                            concat(
                                    utf8(
                                            "{\"machine\":{\"temperature\":30,\"pressure\":1},\"x\":\""),
                                    new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF},
                                    utf8("\"}")),
                            "not UTF-8"),
                    new Hostile("UTF-16", reading().getBytes(StandardCharsets.UTF_16), "not UTF-8"),
                    new Hostile(
                            "UTF-16LE without a byte order mark",
                            reading().getBytes(StandardCharsets.UTF_16LE),
                            "not UTF-8"));

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
    void eachMalformedReadingIsDeadLetteredWithItsReasonCountedAndTheWriterGoesOn()
            throws Exception {
        long refusedBefore = stat("readingsRefused");
        String marker = UUID.randomUUID().toString();
        List<String> ids = new ArrayList<>();
        for (Hostile hostile : READINGS) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            publish(
                    WriterFixture.ALERTS,
                    hostile.body(),
                    Map.of(
                            "marker",
                            marker,
                            "case",
                            hostile.name(),
                            SystemProperties.MESSAGE_ID,
                            id));
        }

        await().atMost(WAIT).until(() -> fixture.hub.deadLetters(marker).size() == READINGS.size());
        for (Hostile hostile : READINGS) {
            assertThat(reasonOf(marker, hostile.name()))
                    .as(hostile.name())
                    .contains(hostile.reason());
        }
        for (String id : ids) {
            assertThat(fixture.rowsOf(id)).isZero();
        }
        assertThat(stat("readingsRefused") - refusedBefore).isEqualTo(READINGS.size());
        String good = UUID.randomUUID().toString();
        fixture.publishReading(good, 31.0);
        await().atMost(WAIT).until(() -> fixture.rowsOf(good) == 2);
    }

    @Test
    void sqlInjectionInTheMessageIdIsStoredAsTheExactTextAndTheTablesStayIntact() throws Exception {
        int rowsBefore = countRows();
        for (String payload : INJECTIONS) {
            fixture.publishReading(payload, 30.0);
        }

        await().atMost(WAIT).until(() -> countRows() == rowsBefore + 2 * INJECTIONS.size());
        for (String payload : INJECTIONS) {
            assertThat(
                            fixture.jdbc.queryForList(
                                    "SELECT message_id FROM measurements WHERE message_id = ?",
                                    String.class,
                                    payload))
                    .as(payload)
                    .containsExactly(payload, payload);
        }
        assertThat(stat("readingsWritten")).isGreaterThanOrEqualTo(INJECTIONS.size());
        assertThat(fixture.getStats().status()).isEqualTo(200);
    }

    @Test
    void sqlInjectionInTheFieldsTheWriterDoesNotStoreLeavesTheReadingWrittenAsSent()
            throws Exception {
        int rowsBefore = countRows();
        List<String> ids = new ArrayList<>();
        for (String payload : INJECTIONS) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            // A valid reading: only its batch id and an application property (name and value)
            // carry the payload, so nothing but the payload could stop it.
            publish(
                    WriterFixture.ALERTS,
                    utf8(reading()),
                    Map.of(SystemProperties.MESSAGE_ID, id, "batchId", payload, payload, payload));
        }

        await().atMost(WAIT).until(() -> countRows() == rowsBefore + 2 * INJECTIONS.size());
        for (String id : ids) {
            assertThat(
                            fixture.jdbc.queryForList(
                                    "SELECT location, temperature, source_module, batch_file"
                                            + " FROM measurements WHERE message_id = ?"
                                            + " ORDER BY location",
                                    id))
                    .as(id)
                    .extracting(row -> row.values().toString())
                    .containsExactly(
                            "[ambient, 21.5, filter-module, null]",
                            "[machine, 30.0, filter-module, null]");
        }
        assertThat(fixture.getStats().status()).isEqualTo(200);
    }

    @Test
    void sqlInjectionInTheTimeCreatedOrAnOverlongMessageIdIsDeadLetteredAndWritesNothing()
            throws Exception {
        int rowsBefore = countRows();
        String marker = UUID.randomUUID().toString();
        String longId = "'; DROP TABLE measurements; --" + "x".repeat(300);
        List<String> cases = new ArrayList<>();
        for (String payload : INJECTIONS) {
            String id = UUID.randomUUID().toString();
            cases.add(id);
            String timeInjected =
                    reading()
                            .replace(
                                    "2025-06-01T10:00:00.500Z",
                                    payload.replace("\\", "\\\\").replace("\"", "\\\""));
            publish(
                    WriterFixture.ALERTS,
                    utf8(timeInjected),
                    Map.of("marker", marker, "case", id, SystemProperties.MESSAGE_ID, id));
        }
        String nul = UUID.randomUUID().toString();
        publish(
                WriterFixture.ALERTS,
                utf8(reading().replace("2025-06-01T10:00:00.500Z", "2025\\u0000'; --")),
                Map.of("marker", marker, "case", nul, SystemProperties.MESSAGE_ID, nul));
        publish(
                WriterFixture.ALERTS,
                utf8(reading()),
                Map.of("marker", marker, "case", "long", SystemProperties.MESSAGE_ID, longId));

        await().atMost(WAIT)
                .until(() -> fixture.hub.deadLetters(marker).size() == INJECTIONS.size() + 2);
        for (String id : cases) {
            assertThat(reasonOf(marker, id)).startsWith("timeCreated is not an ISO-8601 instant");
        }
        assertThat(reasonOf(marker, nul)).startsWith("timeCreated is not an ISO-8601 instant");
        assertThat(reasonOf(marker, "long")).contains("characters long");
        assertThat(countRows()).isEqualTo(rowsBefore);
        String good = UUID.randomUUID().toString();
        fixture.publishReading(good, 31.0);
        await().atMost(WAIT).until(() -> fixture.rowsOf(good) == 2);
    }

    @Test
    void sqlInjectionInBatchFileNamesAndCsvCellsIsRefusedAndTheFolderAndTablesAreUntouched()
            throws Exception {
        int rowsBefore = countRows();
        String marker = UUID.randomUUID().toString();
        List<String> cases = new ArrayList<>();
        for (String payload : INJECTIONS) {
            String name = "name-" + cases.size();
            cases.add(name);
            fixture.publishClaimCheck(
                    WriterFixture.claimCheck(payload, 1, "0".repeat(64)),
                    Map.of("marker", marker, "case", name));
        }
        String cellFile = WriterFixture.batchFileName();
        String cells =
                WriterFixture.batchContent(2).replace(",1.5,", ",'; DROP TABLE measurements; --,");
        fixture.writeBatchFile(cellFile, cells);
        fixture.publishClaimCheck(
                WriterFixture.claimCheck(cellFile, 2, WriterFixture.sha256(cells)),
                Map.of("marker", marker, "case", "cells"));
        String timeFile = WriterFixture.batchFileName();
        String times =
                WriterFixture.batchContent(2)
                        .replace("2025-06-01T10:00:01.100Z", "'; DROP TABLE measurements; --");
        fixture.writeBatchFile(timeFile, times);
        fixture.publishClaimCheck(
                WriterFixture.claimCheck(timeFile, 2, WriterFixture.sha256(times)),
                Map.of("marker", marker, "case", "times"));

        await().atMost(WAIT)
                .until(() -> fixture.hub.deadLetters(marker).size() == INJECTIONS.size() + 2);
        for (String name : cases) {
            assertThat(reasonOf(marker, name)).contains("is not a plain batch file name");
        }
        assertThat(reasonOf(marker, "cells"))
                .contains("is not a batch CSV")
                .contains("machinePressure");
        assertThat(reasonOf(marker, "times"))
                .contains("is not a batch CSV")
                .contains("timeCreated");
        assertThat(batches.resolve("rejected").resolve(cellFile)).exists();
        assertThat(batches.resolve("rejected").resolve(timeFile)).exists();
        assertThat(countRows()).isEqualTo(rowsBefore);
    }

    static final List<Hostile> CLAIM_CHECKS =
            List.of(
                    new Hostile("not JSON", utf8("readings.csv"), "not JSON"),
                    new Hostile("empty", new byte[0], "claim check"),
                    new Hostile("array", utf8("[]"), "not a JSON object"),
                    new Hostile(
                            "wrong type",
                            utf8(
                                    WriterFixture.claimCheck(
                                                    "readings-a-000001.csv", 1, "0".repeat(64))
                                            .replace("\"rowCount\":1", "\"rowCount\":\"one\"")),
                            "rowCount"),
                    new Hostile(
                            "missing field",
                            utf8("{\"rowCount\":1,\"sha256\":\"" + "0".repeat(64) + "\"}"),
                            "fileName"),
                    new Hostile(
                            "huge number",
                            utf8(
                                    WriterFixture.claimCheck(
                                                    "readings-a-000001.csv", 1, "0".repeat(64))
                                            .replace("\"rowCount\":1", "\"rowCount\":1e400")),
                            "rowCount"),
                    new Hostile(
                            "deep nesting",
                            utf8("[".repeat(10_000) + "]".repeat(10_000)),
                            "not JSON"),
                    new Hostile(
                            "long string",
                            utf8(
                                    WriterFixture.claimCheck(
                                            "x".repeat(200 * 1024), 1, "0".repeat(64))),
                            "is not a plain batch file name"),
                    new Hostile(
                            "invalid UTF-8",
                            concat(
                                    utf8("{\"fileName\":\""),
                                    new byte[] {(byte) 0xC3, 0x28},
                                    utf8("\"}")),
                            "not UTF-8"),
                    new Hostile(
                            "UTF-16",
                            WriterFixture.claimCheck("readings-a-000001.csv", 1, "0".repeat(64))
                                    .getBytes(StandardCharsets.UTF_16),
                            "not UTF-8"),
                    new Hostile(
                            "absolute path",
                            utf8(
                                    WriterFixture.claimCheck(
                                            Path.of(
                                                            System.getProperty("java.io.tmpdir"),
                                                            "readings-a-000001.csv")
                                                    .toAbsolutePath()
                                                    .toString(),
                                            1,
                                            "0".repeat(64))),
                            "is not a plain batch file name"));

    @Test
    void eachMalformedClaimCheckIsDeadLetteredWithItsReasonCountedAndImportsGoOn()
            throws Exception {
        long refusedBefore = stat("batchesRefused");
        String marker = UUID.randomUUID().toString();
        for (Hostile hostile : CLAIM_CHECKS) {
            publish(
                    WriterFixture.CLAIM_CHECKS,
                    hostile.body(),
                    Map.of("marker", marker, "case", hostile.name()));
        }

        await().atMost(WAIT)
                .until(() -> fixture.hub.deadLetters(marker).size() == CLAIM_CHECKS.size());
        for (Hostile hostile : CLAIM_CHECKS) {
            assertThat(reasonOf(marker, hostile.name()))
                    .as(hostile.name())
                    .contains(hostile.reason());
        }
        assertThat(stat("batchesRefused") - refusedBefore).isEqualTo(CLAIM_CHECKS.size());
        String fileName = WriterFixture.batchFileName();
        String content = WriterFixture.batchContent(2);
        fixture.writeBatchFile(fileName, content);
        fixture.publishClaimCheckFor(fileName, content, 2);
        await().atMost(WAIT).until(() -> fixture.rowsOfBatchFile(fileName) == 4);
    }

    @Test
    void aClaimCheckNamingASymbolicLinkOutOfTheFolderIsRefusedAndTheTargetUntouched()
            throws Exception {
        String marker = UUID.randomUUID().toString();
        String content = WriterFixture.batchContent(1);
        Path outside = Files.writeString(folder.resolve("outside.csv"), content);
        String linkName = WriterFixture.batchFileName();
        Files.createSymbolicLink(batches.resolve(linkName), outside);

        fixture.publishClaimCheck(
                WriterFixture.claimCheck(linkName, 1, WriterFixture.sha256(content)),
                Map.of("marker", marker, "case", "link"));

        await().atMost(WAIT).until(() -> fixture.hub.deadLetters(marker).size() == 1);
        assertThat(reasonOf(marker, "link")).contains(linkName);
        assertThat(fixture.rowsOfBatchFile(linkName)).isZero();
        assertThat(outside).hasContent(content);
    }

    void publish(String topic, byte[] body, Map<String, String> properties) throws Exception {
        MqttProperties mqtt = new MqttProperties();
        List<UserProperty> user = new ArrayList<>();
        user.add(new UserProperty(SystemProperties.CONTENT_ENCODING, "utf-8"));
        properties.forEach((name, value) -> user.add(new UserProperty(name, value)));
        mqtt.setUserProperties(user);
        mqtt.setContentType("application/json");
        TestModule peer = topic.equals(WriterFixture.ALERTS) ? fixture.filter : fixture.sensor;
        assertThat(peer.publish(topic, body, mqtt)).isLessThan(WriterFixture.ACCEPTED_BELOW);
    }

    static String reasonOf(String marker, String name) {
        return fixture.hub.deadLetters(marker).stream()
                .filter(message -> name.equals(message.path("properties").path("case").asString()))
                .map(message -> message.path("properties").path("deadLetterReason").asString())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no dead letter for " + name));
    }

    static long stat(String name) {
        WriterFixture.Answer answer = fixture.getStats();
        assertThat(answer.status()).isEqualTo(200);
        JsonNode payload = answer.body().path("payload");
        assertThat(payload.has(name)).as("GetStats has %s: %s", name, payload).isTrue();
        return payload.path(name).asLong();
    }

    static int countRows() {
        return fixture.jdbc.queryForObject("SELECT COUNT(*) FROM measurements", Integer.class);
    }
}
