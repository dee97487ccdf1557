package io.edgejava.benchmarks;

import static io.edgejava.benchmarks.Table.decimal;
import static io.edgejava.hub.testing.LocalHub.NO_DATABASE;

import io.edgejava.edge.contract.SystemProperties;
import io.edgejava.edge.contract.Topics;
import io.edgejava.filter.FilterModuleApplication;
import io.edgejava.hub.TestModule;
import io.edgejava.hub.testing.LocalHub;
import io.edgejava.sensor.SensorModuleApplication;
import io.edgejava.sqlwriter.SqlWriterModuleApplication;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pipeline in one JVM on the project's manifest: the real sensor-module at its fastest, the
 * filter forwarding everything, sql-writer-module writing into the database. Then the writer alone
 * inserting claim-checked batch files. H2 always; PostgreSQL when {@code -Dbenchmark.postgres.url}
 * names a server.
 */
final class PipelineSection {

    /** The sensor's shortest SendInterval (its twin refuses less): 100 readings/s at most. */
    static final double FASTEST_SEND_INTERVAL = 0.01;

    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final Duration LIMIT = Duration.ofMinutes(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Options options;

    PipelineSection(Options options) {
        this.options = options;
    }

    /**
     * @param how how the writer reaches it, after its name and version in the tables
     */
    record Database(String how, String url, String user, String password) {}

    void run() throws Exception {
        System.out.printf(
                Locale.ROOT,
                "#### Pipeline into the database%n%nsensor-module (SendInterval %s s, its fastest) →"
                        + " filter-module (threshold -1000 °C, all pass) → sql-writer-module, in one"
                        + " JVM with the hub and the project's routes; counted in the database over"
                        + " %d s after a %d s warm-up. Then the writer alone: %d claim-checked files of"
                        + " %,d rows, from the first claim check to the last file's commit.%n%n",
                FASTEST_SEND_INTERVAL,
                options.window().toSeconds(),
                WARM_UP.toSeconds(),
                options.batchFiles(),
                options.batchRows());
        Table readings =
                new Table(
                        "database",
                        "readings/s into the database",
                        "readings/s sent",
                        "sensor → row p50 ms",
                        "p99 ms",
                        "readings");
        Table batches =
                new Table(
                        "database",
                        "files × rows",
                        "CSV rows/s",
                        "database rows/s",
                        "files/s",
                        "seconds");
        Path h2 = Files.createTempDirectory("benchmark-h2");
        measure(
                new Database(
                        ", embedded, file", "jdbc:h2:file:" + h2.resolve("readings"), "sa", ""),
                readings,
                batches);
        String postgresLine = null;
        if (options.postgresUrl().isEmpty()) {
            postgresLine =
                    "PostgreSQL skipped: no -Dbenchmark.postgres.url"
                            + " (e.g. jdbc:postgresql://127.0.0.1:5432/benchmark, with"
                            + " -Dbenchmark.postgres.user and -Dbenchmark.postgres.password)";
        } else {
            measure(
                    new Database(
                            "",
                            options.postgresUrl(),
                            options.postgresUser(),
                            options.postgresPassword()),
                    readings,
                    batches);
        }
        readings.print();
        batches.print();
        if (postgresLine != null) {
            System.out.println(postgresLine);
            System.out.println();
        }
    }

    private void measure(Database database, Table readings, Table batches) throws Exception {
        Path shared = Files.createTempDirectory("benchmark-shared");
        List<ConfigurableApplicationContext> modules = new ArrayList<>();
        try (LocalHub hub = LocalHub.withProjectManifest();
                Connection sql =
                        DriverManager.getConnection(
                                database.url(), database.user(), database.password())) {
            String name =
                    sql.getMetaData().getDatabaseProductName()
                            + " "
                            + sql.getMetaData().getDatabaseProductVersion().split(" ")[0]
                            + database.how();
            hub.patchDesired("sensor-module", Map.of("SendInterval", FASTEST_SEND_INTERVAL));
            hub.patchDesired("filter-module", Map.of("TemperatureThreshold", -1000));
            modules.add(
                    hub.runModule(
                            SqlWriterModuleApplication.class,
                            "sql-writer-module",
                            "--spring.datasource.url=" + database.url(),
                            "--spring.datasource.username=" + database.user(),
                            "--spring.datasource.password=" + database.password(),
                            "--writer.batch.folder=" + shared));
            modules.add(hub.runModule(FilterModuleApplication.class, "filter-module", NO_DATABASE));
            ConfigurableApplicationContext sensor =
                    hub.runModule(
                            SensorModuleApplication.class,
                            "sensor-module",
                            NO_DATABASE,
                            "--sensor.batch.enabled=false",
                            "--sensor.batch.folder=" + shared);
            try {
                Waiting.until(
                        "the first reading in " + name,
                        Duration.ofMinutes(2),
                        Duration.ofMillis(100),
                        () -> readingsIn(sql) > 0);
                Waiting.during(WARM_UP);
                LocalDateTime since = LocalDateTime.now(ZoneOffset.UTC);
                long rows0 = readingsIn(sql);
                long sent0 = sentBySensor(hub);
                long start = System.nanoTime();
                Waiting.during(options.window());
                long rows1 = readingsIn(sql);
                long sent1 = sentBySensor(hub);
                double seconds = (System.nanoTime() - start) / 1e9;
                Latencies latencies = sensorToRow(sql, since);
                readings.row(
                        name,
                        decimal((rows1 - rows0) / seconds, 1),
                        decimal((sent1 - sent0) / seconds, 1),
                        decimal(latencies.millis(0.50), 1),
                        decimal(latencies.millis(0.99), 1),
                        rows1 - rows0);
            } finally {
                stopSending(hub);
                sensor.close();
            }
            batchFiles(hub, sql, shared, name, batches);
        } finally {
            modules.forEach(ConfigurableApplicationContext::close);
        }
    }

    /**
     * Writes the files first, as the sensor would, then sends their claim checks as sensor-module
     * does: the time measured is the writer's, from reading a file to committing its rows.
     */
    private void batchFiles(
            LocalHub hub, Connection sql, Path shared, String database, Table batches)
            throws Exception {
        String batchId = UUID.randomUUID().toString();
        List<String> claimChecks = new ArrayList<>();
        for (int file = 1; file <= options.batchFiles(); file++) {
            String name = String.format(Locale.ROOT, "readings-%s-%06d.csv", batchId, file);
            byte[] content = csv(options.batchRows(), file);
            Files.write(shared.resolve(name), content);
            claimChecks.add(
                    JSON.writeValueAsString(
                            Map.of(
                                    "fileName", name,
                                    "rowCount", options.batchRows(),
                                    "sha256",
                                            HexFormat.of()
                                                    .formatHex(
                                                            MessageDigest.getInstance("SHA-256")
                                                                    .digest(content)),
                                    "timeCreated", Instant.now().toString())));
        }
        try (TestModule sensor = hub.connect("sensor-module")) {
            long start = System.nanoTime();
            for (String claimCheck : claimChecks) {
                sensor.publishJson(
                        Topics.output("sensor-module", "batchOutput"),
                        claimCheck,
                        Map.of(SystemProperties.MESSAGE_ID, UUID.randomUUID().toString()));
            }
            Waiting.until(
                    options.batchFiles() + " batch files in " + database,
                    LIMIT,
                    Duration.ofMillis(20),
                    () -> filesIn(sql, batchId) >= options.batchFiles());
            double seconds = (System.nanoTime() - start) / 1e9;
            long rows = (long) options.batchFiles() * options.batchRows();
            batches.row(
                    database,
                    options.batchFiles() + " × " + options.batchRows(),
                    decimal(rows / seconds, 0),
                    // Each CSV row holds the machine and the ambient air: two rows in the table.
                    decimal(2 * rows / seconds, 0),
                    decimal(options.batchFiles() / seconds, 1),
                    decimal(seconds, 1));
        }
    }

    /** A batch file in the claim check contract's CSV form. */
    private static byte[] csv(int rows, int file) {
        StringBuilder csv =
                new StringBuilder(
                        "timeCreated,machineTemperature,machinePressure,ambientTemperature,"
                                + "ambientHumidity\n");
        Instant first = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(file * 86_400L);
        for (int row = 0; row < rows; row++) {
            csv.append(first.plusMillis(row * 10L))
                    .append(',')
                    .append(Double.toString(21 + (row % 790) / 10.0))
                    .append(',')
                    .append(Double.toString(1 + (row % 90) / 10.0))
                    .append(',')
                    .append(Double.toString(20.5 + (row % 20) / 10.0))
                    .append(',')
                    .append(24 + row % 3)
                    .append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** So that closing the sensor does not cut a reading off half-way, with a warning. */
    private static void stopSending(LocalHub hub) {
        hub.patchDesired("sensor-module", Map.of("SendData", false));
        Waiting.until(
                "sensor-module reporting SendData false",
                Duration.ofSeconds(30),
                Duration.ofMillis(50),
                () -> {
                    JsonNode sendData =
                            JSON.readTree(
                                            hub.admin()
                                                    .get()
                                                    .uri("/api/twins/{module}", "sensor-module")
                                                    .retrieve()
                                                    .body(String.class))
                                    .path("reported")
                                    .path("SendData");
                    return sendData.isBoolean() && !sendData.booleanValue();
                });
    }

    private static long sentBySensor(LocalHub hub) {
        JsonNode routes =
                JSON.readTree(hub.admin().get().uri("/api/routes").retrieve().body(String.class));
        for (JsonNode route : routes) {
            if (route.path("name").asString().equals("sensorToFilter")) {
                return route.path("matched").asLong();
            }
        }
        throw new IllegalStateException("no route sensorToFilter in " + routes);
    }

    /** Readings in the table: each is a machine row and an ambient row; counted once. */
    private static long readingsIn(Connection sql) {
        return count(
                sql,
                "SELECT COUNT(*) FROM measurements WHERE batch_file IS NULL AND location ="
                        + " 'machine'",
                null);
    }

    private static long filesIn(Connection sql, String batchId) {
        return count(
                sql,
                "SELECT COUNT(*) FROM batch_files WHERE file_name LIKE ?",
                "readings-" + batchId + "-%");
    }

    private static long count(Connection sql, String query, String parameter) {
        try (PreparedStatement statement = sql.prepareStatement(query)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(query + " failed", e);
        }
    }

    /** From the sensor's timeCreated to the writer's written_at_utc, for the rows of the window. */
    private static Latencies sensorToRow(Connection sql, LocalDateTime since) throws SQLException {
        List<Long> nanos = new ArrayList<>();
        try (PreparedStatement statement =
                sql.prepareStatement(
                        "SELECT measurement_time_utc, written_at_utc FROM measurements WHERE"
                                + " batch_file IS NULL AND location = 'machine' AND"
                                + " written_at_utc >= ?")) {
            statement.setObject(1, since);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    nanos.add(
                            Duration.between(
                                            result.getObject(1, LocalDateTime.class),
                                            result.getObject(2, LocalDateTime.class))
                                    .toNanos());
                }
            }
        }
        return new Latencies(nanos.stream().mapToLong(Long::longValue).toArray());
    }
}
