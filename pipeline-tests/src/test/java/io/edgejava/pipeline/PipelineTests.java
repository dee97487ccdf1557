package io.edgejava.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edgejava.hub.manifest.DeploymentManifest;
import io.edgejava.hub.manifest.ManifestReader;
import io.edgejava.hub.routing.Route;
import io.edgejava.hub.routing.RouteSink;
import io.edgejava.hub.routing.RouteTable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole pipeline in one JVM ({@link Pipeline}), wired only by the routes of the project's
 * deployment.template.json: local-edge-hub, the four sample modules and an H2 database server,
 * working as they do in a deployment. What survives faults is {@link FaultToleranceTests}.
 */
class PipelineTests {

    private static final Duration WAIT = Pipeline.WAIT;
    private static final int BATCH_ROWS = 50;

    static Pipeline pipeline;
    static JdbcClient sql;
    static ConfigurableApplicationContext caller;

    @BeforeAll
    static void startPipeline() {
        pipeline = new Pipeline();
        // A faster machine than the manifest's: a reading every 0.2 s.
        pipeline.patchDesired(Pipeline.SENSOR, Map.of("SendInterval", 0.2));
        pipeline.startWriter();
        pipeline.startFilter();
        caller = pipeline.startCaller("--caller.stats.interval=2s");
        pipeline.startSensor("--sensor.batch.every=10", "--sensor.batch.rows=" + BATCH_ROWS);
        sql = pipeline.sql;
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void readingsFlowFromTheSensorThroughTheFilterIntoTheDatabase() {
        pipeline.setThreshold(-1000);

        await().atMost(WAIT)
                .until(
                        () ->
                                pipeline.invoke(Pipeline.WRITER, "GetStats")
                                                .path("readingsWritten")
                                                .asLong()
                                        >= 5);
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
        await().atMost(WAIT)
                .until(
                        () ->
                                pipeline.invoke(Pipeline.WRITER, "GetStats")
                                                .path("batchesInserted")
                                                .asLong()
                                        >= 2);

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
            assertThat(pipeline.sharedFolder.resolve("done").resolve(file)).exists();
        }
        assertThat(inserted).doesNotHaveDuplicates();
        assertThat(pipeline.sharedFolder.resolve("rejected"))
                .satisfiesAnyOf(
                        folder -> assertThat(folder).doesNotExist(),
                        folder -> assertThat(folder).isEmptyDirectory());
    }

    @Test
    void aTwinChangeToTheThresholdChangesWhatIsForwarded() {
        pipeline.setThreshold(1000);
        JsonNode before = pipeline.invoke(Pipeline.FILTER, "GetStats");
        await().atMost(WAIT)
                .until(
                        () ->
                                pipeline.invoke(Pipeline.FILTER, "GetStats")
                                                .path("received")
                                                .asLong()
                                        >= before.path("received").asLong() + 10);
        assertThat(pipeline.invoke(Pipeline.FILTER, "GetStats").path("forwarded").asLong())
                .as("nothing is above 1000 °C")
                .isEqualTo(before.path("forwarded").asLong());

        pipeline.setThreshold(-1000);
        long forwarded = pipeline.invoke(Pipeline.FILTER, "GetStats").path("forwarded").asLong();
        await().atMost(WAIT)
                .until(
                        () ->
                                pipeline.invoke(Pipeline.FILTER, "GetStats")
                                                .path("forwarded")
                                                .asLong()
                                        >= forwarded + 10);
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
        for (ConfigurableApplicationContext module : pipeline.modules()) {
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
}
