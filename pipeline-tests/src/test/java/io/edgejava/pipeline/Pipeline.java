package io.edgejava.pipeline;

import static io.edgejava.hub.testing.LocalHub.NO_DATABASE;
import static org.awaitility.Awaitility.await;

import io.edgejava.caller.DirectMethodCallerApplication;
import io.edgejava.filter.FilterModuleApplication;
import io.edgejava.hub.HubFixture;
import io.edgejava.hub.testing.LocalHub;
import io.edgejava.sensor.SensorModuleApplication;
import io.edgejava.sqlwriter.SqlWriterModuleApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.h2.tools.Server;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import tools.jackson.databind.JsonNode;

/**
 * The whole pipeline in one JVM, wired only by the routes of the project's
 * deployment.template.json: local-edge-hub, the sample modules, and an H2 database server that the
 * writer reaches over TCP, so that a test can stop the database and start it again. Each module can
 * be stopped and started again under the same module id, and so can the hub (same ports, same data
 * folder).
 *
 * <p>In one JVM every module sees the writer's database and Flyway jars; only the writer gets a
 * database (the others start with {@code NO_DATABASE}), as in a deployment, where each module has
 * its own classpath.
 */
final class Pipeline implements AutoCloseable {

    static final String SENSOR = "sensor-module";
    static final String FILTER = "filter-module";
    static final String WRITER = "sql-writer-module";
    static final String CALLER = "direct-method-caller";

    static final Duration WAIT = Duration.ofSeconds(60);

    final Path sharedFolder;
    final LocalHub hub;
    final JdbcClient sql;

    private final Path databaseFolder;
    private final int databasePort;
    private final String databaseUrl;
    private Server database;
    private final Map<String, ConfigurableApplicationContext> modules = new LinkedHashMap<>();

    /** Starts the database and the hub; modules are started one by one with the methods below. */
    Pipeline() {
        try {
            databaseFolder = Files.createTempDirectory("pipeline-db");
            sharedFolder = Files.createTempDirectory("pipeline-shared");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        databasePort = HubFixture.freePort();
        databaseUrl = "jdbc:h2:tcp://127.0.0.1:" + databasePort + "/pipeline";
        startDatabase();
        hub = LocalHub.withProjectManifest();
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource();
        dataSource.setDriverClass(org.h2.Driver.class);
        dataSource.setUrl(databaseUrl);
        dataSource.setUsername("sa");
        dataSource.setPassword("");
        sql = JdbcClient.create(dataSource);
    }

    /**
     * Starts sql-writer-module on the pipeline's database and shared folder.
     *
     * @param initializers test hooks to install in its context before it connects
     */
    @SafeVarargs
    final ConfigurableApplicationContext startWriter(
            ApplicationContextInitializer<ConfigurableApplicationContext>... initializers) {
        return start(
                WRITER,
                new SpringApplicationBuilder(SqlWriterModuleApplication.class)
                        .initializers(initializers),
                "--spring.datasource.url=" + databaseUrl,
                "--writer.batch.folder=" + sharedFolder,
                "--spring.datasource.hikari.connection-timeout=1000",
                "--edge.delivery.retry-later-max-backoff=1s");
    }

    ConfigurableApplicationContext startFilter() {
        return start(
                FILTER, new SpringApplicationBuilder(FilterModuleApplication.class), NO_DATABASE);
    }

    ConfigurableApplicationContext startCaller(String... settings) {
        return start(
                CALLER,
                new SpringApplicationBuilder(DirectMethodCallerApplication.class),
                concat(NO_DATABASE, settings));
    }

    ConfigurableApplicationContext startSensor(String... settings) {
        return start(
                SENSOR,
                new SpringApplicationBuilder(SensorModuleApplication.class),
                concat(NO_DATABASE, "--sensor.batch.folder=" + sharedFolder, settings));
    }

    private ConfigurableApplicationContext start(
            String module, SpringApplicationBuilder application, String... settings) {
        ConfigurableApplicationContext context =
                application.run(LocalHub.withOverrides(hub.moduleSettings(module), settings));
        modules.put(module, context);
        return context;
    }

    /** Closes a module's context; the hub keeps what is routed to it meanwhile. */
    void stop(String module) {
        ConfigurableApplicationContext context = modules.remove(module);
        if (context != null) {
            context.close();
        }
    }

    List<ConfigurableApplicationContext> modules() {
        return List.copyOf(modules.values());
    }

    ConfigurableApplicationContext module(String module) {
        return modules.get(module);
    }

    void startDatabase() {
        try {
            database =
                    Server.createTcpServer(
                                    "-tcp",
                                    "-tcpPort",
                                    Integer.toString(databasePort),
                                    "-baseDir",
                                    databaseFolder.toString(),
                                    "-ifNotExists")
                            .start();
        } catch (SQLException e) {
            throw new IllegalStateException("the H2 server did not start", e);
        }
    }

    void stopDatabase() {
        database.stop();
    }

    /** Sets filter-module's threshold through the twin and waits until the module reports it. */
    void setThreshold(double threshold) {
        patchDesired(FILTER, Map.of("TemperatureThreshold", threshold));
        await().atMost(WAIT)
                .until(
                        () ->
                                reportedBy(FILTER).path("TemperatureThreshold").asDouble()
                                        == threshold);
    }

    /**
     * Sets the sensor's {@code SendData} through the twin and waits until the sensor reports it.
     */
    void sendData(boolean send) {
        patchDesired(SENSOR, Map.of("SendData", send));
        await().atMost(WAIT)
                .until(
                        () -> {
                            JsonNode reported = reportedBy(SENSOR).path("SendData");
                            return reported.isBoolean() && reported.asBoolean() == send;
                        });
    }

    void patchDesired(String module, Map<String, ?> patch) {
        hub.patchDesired(module, patch);
    }

    JsonNode reportedBy(String module) {
        return hub.admin()
                .get()
                .uri("/api/twins/{module}", module)
                .retrieve()
                .body(JsonNode.class)
                .path("reported");
    }

    /** The payload of a direct method's answer, called through the hub's admin API. */
    JsonNode invoke(String module, String method) {
        return hub.admin()
                .post()
                .uri("/api/modules/{module}/methods/{method}?timeoutSeconds=10", module, method)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{}")
                .retrieve()
                .body(JsonNode.class)
                .path("payload");
    }

    @Override
    public void close() {
        List<String> running = new ArrayList<>(modules.keySet());
        running.forEach(this::stop);
        hub.close();
        if (database != null) {
            database.stop();
        }
    }

    private static String[] concat(String first, String... more) {
        return concat(new String[] {first}, more);
    }

    private static String[] concat(String first, String second, String... more) {
        return concat(new String[] {first, second}, more);
    }

    private static String[] concat(String[] first, String[] more) {
        String[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
