package io.edgejava.pipeline;

import static io.edgejava.hub.testing.LocalHub.NO_DATABASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edgejava.caller.DirectMethodCallerApplication;
import io.edgejava.edge.contract.Topics;
import io.edgejava.filter.FilterModuleApplication;
import io.edgejava.hub.HubFixture;
import io.edgejava.hub.TestModule;
import io.edgejava.hub.manifest.DeploymentManifest;
import io.edgejava.hub.manifest.ManifestReader;
import io.edgejava.hub.routing.Route;
import io.edgejava.hub.routing.RouteSink;
import io.edgejava.hub.routing.RouteTable;
import io.edgejava.hub.testing.LocalHub;
import io.edgejava.sensor.SensorModuleApplication;
import io.edgejava.sqlwriter.SqlWriterModuleApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole pipeline in one JVM, wired only by the routes of the project's
 * deployment.template.json: local-edge-hub, the four sample modules, and an H2 database server that
 * the writer reaches over TCP, so that a test can stop the database and start it again.
 */
class PipelineTests {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int BATCH_ROWS = 50;

    static Path databaseFolder;
    static int databasePort;
    static Server database;
    static Path sharedFolder;
    static LocalHub hub;
    static final List<ConfigurableApplicationContext> modules = new ArrayList<>();
    static ConfigurableApplicationContext caller;
    static JdbcClient sql;

    /**
     * In one JVM every module sees the writer's database and Flyway jars; only the writer gets a
     * database (the others start with {@code NO_DATABASE}), as in a deployment, where each module
     * has its own classpath.
     */
    @BeforeAll
    static void startPipeline() throws IOException, SQLException {
        databaseFolder = Files.createTempDirectory("pipeline-db");
        databasePort = HubFixture.freePort();
        startDatabase();
        sharedFolder = Files.createTempDirectory("pipeline-shared");
        hub = LocalHub.withProjectManifest();
        // A faster machine than the manifest's: a reading every 0.2 s.
        patchDesired("sensor-module", Map.of("SendInterval", 0.2));

        String url = "jdbc:h2:tcp://127.0.0.1:" + databasePort + "/pipeline";
        modules.add(
                hub.runModule(
                        SqlWriterModuleApplication.class,
                        "sql-writer-module",
                        "--spring.datasource.url=" + url,
                        "--writer.batch.folder=" + sharedFolder,
                        "--spring.datasource.hikari.connection-timeout=1000",
                        "--edge.delivery.retry-later-max-backoff=1s"));
        modules.add(hub.runModule(FilterModuleApplication.class, "filter-module", NO_DATABASE));
        caller =
                hub.runModule(
                        DirectMethodCallerApplication.class,
                        "direct-method-caller",
                        NO_DATABASE,
                        "--caller.stats.interval=2s");
        modules.add(caller);
        modules.add(
                hub.runModule(
                        SensorModuleApplication.class,
                        "sensor-module",
                        NO_DATABASE,
                        "--sensor.batch.folder=" + sharedFolder,
                        "--sensor.batch.every=10",
                        "--sensor.batch.rows=" + BATCH_ROWS));

        SimpleDriverDataSource dataSource = new SimpleDriverDataSource();
        dataSource.setDriverClass(org.h2.Driver.class);
        dataSource.setUrl(url);
        dataSource.setUsername("sa");
        dataSource.setPassword("");
        sql = JdbcClient.create(dataSource);
    }

    @AfterAll
    static void stopPipeline() {
        modules.forEach(ConfigurableApplicationContext::close);
        if (hub != null) {
            hub.close();
        }
        if (database != null) {
            database.stop();
        }
    }

    @Test
    void readingsFlowFromTheSensorThroughTheFilterIntoTheDatabase() {
        setThreshold(-1000);

        await().atMost(WAIT).until(() -> writerStats().path("readingsWritten").asLong() >= 5);
        Map<String, Object> row =
                sql.sql(
                                "SELECT location, source_module FROM measurements"
                                        + " WHERE batch_file IS NULL ORDER BY id FETCH FIRST 1 ROWS"
                                        + " ONLY")
                        .query()
                        .singleRow();
        assertThat(row).containsEntry("source_module", "filter-module");
        assertThat(
                        sql.sql(
                                        "SELECT DISTINCT location FROM measurements WHERE"
                                                + " batch_file IS NULL")
                                .query(String.class)
                                .set())
                .containsExactlyInAnyOrder("machine", "ambient");
    }

    @Test
    void aBatchFileIsInsertedExactlyOnceAndMovedToDone() {
        await().atMost(WAIT).until(() -> writerStats().path("batchesInserted").asLong() >= 2);

        List<String> inserted =
                sql.sql("SELECT file_name FROM batch_files").query(String.class).list();
        for (String file : inserted) {
            assertThat(
                            sql.sql("SELECT COUNT(*) FROM measurements WHERE batch_file = ?")
                                    .param(file)
                                    .query(Long.class)
                                    .single())
                    .as("rows of %s", file)
                    .isEqualTo(2L * BATCH_ROWS);
            assertThat(sharedFolder.resolve("done").resolve(file)).exists();
        }
        assertThat(inserted).doesNotHaveDuplicates();
        assertThat(sharedFolder.resolve("rejected"))
                .satisfiesAnyOf(
                        folder -> assertThat(folder).doesNotExist(),
                        folder -> assertThat(folder).isEmptyDirectory());
    }

    @Test
    void aTwinChangeToTheThresholdChangesWhatIsForwarded() {
        setThreshold(1000);
        JsonNode before = filterStats();
        await().atMost(WAIT)
                .until(
                        () ->
                                filterStats().path("received").asLong()
                                        >= before.path("received").asLong() + 10);
        assertThat(filterStats().path("forwarded").asLong())
                .as("nothing is above 1000 °C")
                .isEqualTo(before.path("forwarded").asLong());

        setThreshold(-1000);
        long forwarded = filterStats().path("forwarded").asLong();
        await().atMost(WAIT)
                .until(() -> filterStats().path("forwarded").asLong() >= forwarded + 10);
    }

    @Test
    void theCallersDirectMethodsAnswer200() {
        RestClient callerApi =
                RestClient.create(
                        "http://127.0.0.1:"
                                + caller.getEnvironment().getProperty("local.server.port"));
        for (String call :
                List.of(
                        "/invoke/filter-module/GetStats",
                        "/invoke/sql-writer-module/GetStats",
                        "/invoke/sensor-module/Reset")) {
            HttpStatusCode status =
                    callerApi
                            .post()
                            .uri(call)
                            .contentType(MediaType.APPLICATION_JSON)
                            .body("{}")
                            .retrieve()
                            .toBodilessEntity()
                            .getStatusCode();
            assertThat(status.value()).as(call).isEqualTo(200);
        }
    }

    @Test
    void theDatabaseStoppedAndRestartedMidStreamLosesNothingAndDuplicatesNothing()
            throws MqttException, SQLException {
        setThreshold(-1000);
        try (TestModule observer = hub.observe("$observer-pipeline")) {
            // What the sensor sends from now on, as the hub routes it to the filter.
            observer.subscribe(Topics.input("filter-module", "input1"));
            await().atMost(WAIT).until(() -> observer.received().size() >= 10);

            database.stop();
            int sentBeforeRestart = observer.received().size();
            await().atMost(WAIT).until(() -> observer.received().size() >= sentBeforeRestart + 20);
            startDatabase();

            await().atMost(WAIT).until(() -> observer.received().size() >= sentBeforeRestart + 40);
            patchDesired("sensor-module", Map.of("SendData", false));
            await().atMost(WAIT)
                    .until(
                            () ->
                                    reportedBy("sensor-module").path("SendData").isBoolean()
                                            && !reportedBy("sensor-module")
                                                    .path("SendData")
                                                    .asBoolean());
            Set<String> sent =
                    observer.received().stream()
                            .map(received -> received.property("$messageId"))
                            .collect(Collectors.toSet());
            assertThat(sent).hasSizeGreaterThanOrEqualTo(40);

            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(rowsPerMessage(sent)).isEqualTo(Set.of(2L)));
            assertThat(
                            sql.sql(
                                            "SELECT COUNT(*) FROM (SELECT message_id FROM"
                                                    + " measurements GROUP BY message_id HAVING"
                                                    + " COUNT(*) > 2)")
                                    .query(Long.class)
                                    .single())
                    .as("message ids with more than their two rows")
                    .isZero();
            assertThat(hub.admin().get().uri("/api/upstream").retrieve().body(String.class))
                    .as("nothing dead-lettered by the writer")
                    .doesNotContain("sql-writer-module");
        } finally {
            patchDesired("sensor-module", Map.of("SendData", true));
        }
    }

    /**
     * A route into an input that no flow reads sends every message it carries to the dead-letter
     * output: each input the project's manifest routes to must be one that its module, running,
     * says it reads (the {@code inputs} of its {@code edgeHub} health details). The routes are read
     * by the hub's own parser.
     */
    @Test
    void everyInputTheManifestRoutesToIsOneItsModuleReads() {
        DeploymentManifest manifest =
                new ManifestReader(JsonMapper.builder().build())
                        .read(Path.of("..", "deployment.template.json"));
        List<RouteSink.ModuleInput> targets =
                RouteTable.compile(manifest.routes(), manifest.storeAndForwardTimeToLive())
                        .routes()
                        .stream()
                        .map(Route::sink)
                        .filter(RouteSink.ModuleInput.class::isInstance)
                        .map(RouteSink.ModuleInput.class::cast)
                        .distinct()
                        .toList();
        Map<String, List<String>> inputsRead = new HashMap<>();
        for (ConfigurableApplicationContext module : modules) {
            JsonNode edgeHub =
                    RestClient.create(
                                    "http://127.0.0.1:"
                                            + module.getEnvironment()
                                                    .getProperty("local.server.port"))
                            .get()
                            .uri("/actuator/health")
                            .retrieve()
                            .onStatus(HttpStatusCode::isError, (request, response) -> {})
                            .body(JsonNode.class)
                            .path("components")
                            .path("edgeHub")
                            .path("details");
            inputsRead.put(
                    edgeHub.path("module").asString(),
                    edgeHub.path("inputs").valueStream().map(JsonNode::asString).toList());
        }

        assertThat(targets).isNotEmpty();
        assertThat(inputsRead)
                .containsOnlyKeys(
                        "sensor-module",
                        "filter-module",
                        "sql-writer-module",
                        "direct-method-caller");
        for (RouteSink.ModuleInput target : targets) {
            assertThat(inputsRead.get(target.module()))
                    .as("inputs %s reads (a route sends to %s)", target.module(), target)
                    .contains(target.input());
        }
    }

    /** How many rows each message id has: {2} when every message has exactly its two. */
    private static Set<Long> rowsPerMessage(Set<String> messageIds) {
        return messageIds.stream()
                .map(
                        id ->
                                sql.sql("SELECT COUNT(*) FROM measurements WHERE message_id = ?")
                                        .param(id)
                                        .query(Long.class)
                                        .single())
                .collect(Collectors.toSet());
    }

    private static void startDatabase() throws SQLException {
        database =
                Server.createTcpServer(
                                "-tcp",
                                "-tcpPort",
                                Integer.toString(databasePort),
                                "-baseDir",
                                databaseFolder.toString(),
                                "-ifNotExists")
                        .start();
    }

    private static void setThreshold(double threshold) {
        patchDesired("filter-module", Map.of("TemperatureThreshold", threshold));
        await().atMost(WAIT)
                .until(
                        () ->
                                reportedBy("filter-module").path("TemperatureThreshold").asDouble()
                                        == threshold);
    }

    private static void patchDesired(String module, Map<String, ?> patch) {
        hub.admin()
                .patch()
                .uri("/api/twins/{module}/desired", module)
                .contentType(MediaType.APPLICATION_JSON)
                .body(patch)
                .retrieve()
                .toBodilessEntity();
    }

    private static JsonNode reportedBy(String module) {
        return hub.admin()
                .get()
                .uri("/api/twins/{module}", module)
                .retrieve()
                .body(JsonNode.class)
                .path("reported");
    }

    private static JsonNode writerStats() {
        return invoke("sql-writer-module", "GetStats");
    }

    private static JsonNode filterStats() {
        return invoke("filter-module", "GetStats");
    }

    private static JsonNode invoke(String module, String method) {
        return hub.admin()
                .post()
                .uri("/api/modules/{module}/methods/{method}?timeoutSeconds=10", module, method)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{}")
                .retrieve()
                .body(JsonNode.class)
                .path("payload");
    }
}
