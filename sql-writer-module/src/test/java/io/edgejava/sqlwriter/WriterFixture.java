package io.edgejava.sqlwriter;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgejava.edge.contract.SystemProperties;
import io.edgejava.edge.contract.Topics;
import io.edgejava.hub.TestModule;
import io.edgejava.hub.testing.LocalHub;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hub, the writer and its two peers, as the integration tests use them: a test module plays
 * filter-module (readings) and one plays sensor-module (claim checks).
 */
final class WriterFixture implements AutoCloseable {

    static final String ALERTS = Topics.output("filter-module", "output1");
    static final String CLAIM_CHECKS = Topics.output("sensor-module", "batchOutput");
    static final JsonMapper json = JsonMapper.builder().build();

    /** PUBACK reason codes below 0x80 mean accepted. */
    static final int ACCEPTED_BELOW = 0x80;

    final LocalHub hub;
    final Path batches;
    final ConfigurableApplicationContext writer;
    final JdbcTemplate jdbc;
    final TestModule filter;
    final TestModule sensor;

    WriterFixture(Path batches, List<String> settings) throws Exception {
        this.batches = batches;
        this.hub = LocalHub.withProjectManifest();
        String[] all =
                java.util.stream.Stream.concat(
                                java.util.stream.Stream.of("--writer.batch.folder=" + batches),
                                settings.stream())
                        .toArray(String[]::new);
        this.writer = hub.runModule(SqlWriterModuleApplication.class, "sql-writer-module", all);
        this.jdbc = writer.getBean(JdbcTemplate.class);
        this.filter = hub.connect("filter-module");
        this.sensor = hub.connect("sensor-module");
    }

    @Override
    public void close() throws Exception {
        filter.close();
        sensor.close();
        writer.close();
        hub.close();
    }

    static String reading(double machineTemperature) {
        return "{\"machine\":{\"temperature\":"
                + machineTemperature
                + ",\"pressure\":1.25},\"ambient\":{\"temperature\":21.5,\"humidity\":26},"
                + "\"timeCreated\":\"2025-06-01T10:00:00.500Z\"}";
    }

    /** Publishes a reading as filter-module forwards it, with this message id. */
    void publishReading(String messageId, double machineTemperature) throws Exception {
        publishAlert(reading(machineTemperature), Map.of(SystemProperties.MESSAGE_ID, messageId));
    }

    void publishAlert(String body, Map<String, String> properties) throws Exception {
        assertThat(filter.publishJson(ALERTS, body, properties)).isLessThan(ACCEPTED_BELOW);
    }

    void publishClaimCheck(String body, Map<String, String> properties) throws Exception {
        assertThat(sensor.publishJson(CLAIM_CHECKS, body, properties)).isLessThan(ACCEPTED_BELOW);
    }

    /** Sends the claim check for a file, with the file's true checksum and row count. */
    void publishClaimCheckFor(String fileName, String content, int rowCount) throws Exception {
        publishClaimCheck(claimCheck(fileName, rowCount, sha256(content)), Map.of());
    }

    static String claimCheck(String fileName, int rowCount, String sha256) {
        return "{\"fileName\":"
                + json.writeValueAsString(fileName)
                + ",\"rowCount\":"
                + rowCount
                + ",\"sha256\":\""
                + sha256
                + "\",\"timeCreated\":\"2025-06-01T10:00:00Z\"}";
    }

    static String batchFileName() {
        return "readings-" + UUID.randomUUID() + "-000001.csv";
    }

    /** A batch file as the sensor writes it, with {@code rows} samples. */
    static String batchContent(int rows) {
        StringBuilder csv =
                new StringBuilder(
                        "timeCreated,machineTemperature,machinePressure,ambientTemperature,ambientHumidity\n");
        for (int i = 0; i < rows; i++) {
            csv.append("2025-06-01T10:00:0")
                    .append(i % 10)
                    .append(".100Z,")
                    .append(40.0 + i)
                    .append(",1.5,21.0,")
                    .append(25 + i)
                    .append('\n');
        }
        return csv.toString();
    }

    /** Writes a file into the shared folder the way the sensor does: whole, by a rename. */
    void writeBatchFile(String fileName, String content) throws IOException {
        Path temporary = batches.resolve("." + fileName + ".tmp");
        Files.writeString(temporary, content, StandardCharsets.UTF_8);
        Files.move(temporary, batches.resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
    }

    static String sha256(String content) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    int rowsOf(String messageId) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM measurements WHERE message_id = ?", Integer.class, messageId);
    }

    int rowsOfBatchFile(String fileName) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM measurements WHERE batch_file = ?", Integer.class, fileName);
    }

    record Answer(int status, JsonNode body) {}

    Answer getStats() {
        return hub.admin()
                .post()
                .uri("/api/modules/sql-writer-module/methods/GetStats?timeoutSeconds=15")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{}")
                .exchange(
                        (request, response) ->
                                new Answer(
                                        response.getStatusCode().value(),
                                        json.readTree(response.getBody())));
    }

    /** The writer's {@code /actuator/health}, whatever its status code. */
    JsonNode health() {
        String port = writer.getEnvironment().getProperty("local.server.port");
        return RestClient.create("http://127.0.0.1:" + port)
                .get()
                .uri("/actuator/health")
                .exchange((request, response) -> json.readTree(response.getBody()));
    }
}
