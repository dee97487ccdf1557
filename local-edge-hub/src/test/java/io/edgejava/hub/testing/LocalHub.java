package io.edgejava.hub.testing;

import io.edgejava.hub.HubFixture;
import io.edgejava.hub.LocalEdgeHubApplication;
import io.edgejava.hub.TestModule;
import io.edgejava.hub.identity.ModuleKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * local-edge-hub running in-process for a test: free ports on loopback, a temporary data folder,
 * the development key. It can be stopped and started again on the same ports and data folder, to
 * test what survives a hub restart.
 *
 * <pre>{@code
 * static LocalHub hub = LocalHub.withProjectManifest();
 *
 * ConfigurableApplicationContext sensor = hub.runModule(SensorModuleApplication.class, "sensor-module");
 * }</pre>
 */
public final class LocalHub implements AutoCloseable {

    /**
     * A setting that turns off database auto-configuration: for an application that has no database
     * but shares a test classpath with one that does (the hub in a module's tests, the other
     * modules in a test of the whole pipeline).
     */
    public static final String NO_DATABASE =
            "--spring.autoconfigure.exclude="
                    + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                    + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration,"
                    + "org.springframework.boot.data.jdbc.autoconfigure.DataJdbcRepositoriesAutoConfiguration";

    private static final ModuleKeys KEYS = new ModuleKeys(ModuleKeys.LOCAL_DEVELOPMENT_KEY);

    private final Path manifest;
    private final Path dataDir;
    private final int mqttPort = HubFixture.freePort();
    private final int websocketPort = HubFixture.freePort();
    private ConfigurableApplicationContext context;

    private LocalHub(Path manifest, Path dataDir) {
        this.manifest = manifest;
        this.dataDir = dataDir;
    }

    /**
     * Starts a hub with a manifest.
     *
     * @param manifest the deployment manifest whose routes and twins the hub serves
     * @return the running hub
     */
    public static LocalHub start(Path manifest) {
        try {
            LocalHub hub = new LocalHub(manifest, Files.createTempDirectory("local-hub"));
            hub.start();
            return hub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a hub with the project's {@code deployment.template.json}, found in the working
     * directory or the nearest folder above it: the routes under test are the routes users deploy.
     *
     * @return the running hub
     */
    public static LocalHub withProjectManifest() {
        return start(projectManifest());
    }

    /**
     * @return the project's {@code deployment.template.json}
     */
    public static Path projectManifest() {
        for (Path folder = Path.of("").toAbsolutePath();
                folder != null;
                folder = folder.getParent()) {
            Path candidate = folder.resolve("deployment.template.json");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "no deployment.template.json in " + Path.of("").toAbsolutePath() + " or above");
    }

    /** Starts the hub again after {@link #stop()}, on the same ports and data folder. */
    public void start() {
        if (context != null && context.isActive()) {
            throw new IllegalStateException("the hub is running");
        }
        context =
                SpringApplication.run(
                        LocalEdgeHubApplication.class,
                        "--hub.manifest=" + manifest,
                        "--hub.data-dir=" + dataDir,
                        "--hub.mqtt.bind-address=127.0.0.1",
                        "--hub.mqtt.port=" + mqttPort,
                        "--hub.mqtt.websocket-port=" + websocketPort,
                        "--hub.methods.default-timeout=10s",
                        "--server.address=127.0.0.1",
                        "--server.port=0",
                        "--spring.application.name=local-edge-hub",
                        "--spring.main.banner-mode=off",
                        // A module's test classpath holds its database and Flyway jars; the hub
                        // has no database and must not pick up the module's migrations.
                        NO_DATABASE);
    }

    /** Stops the hub; modules lose their connection, queued messages stay in the data folder. */
    public void stop() {
        if (context != null) {
            context.close();
        }
    }

    /**
     * @return the running hub's application context
     */
    public ConfigurableApplicationContext context() {
        return context;
    }

    /**
     * @return the MQTT URL modules connect to
     */
    public String mqttUrl() {
        return "tcp://127.0.0.1:" + mqttPort;
    }

    /**
     * @return the MQTT over WebSocket URL
     */
    public String websocketUrl() {
        return "ws://127.0.0.1:" + websocketPort + "/mqtt";
    }

    /**
     * @return the admin API's base URL, for example {@code http://127.0.0.1:41234}
     */
    public String adminUrl() {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    /**
     * @return a client of the admin API ({@code /api/modules}, {@code /api/twins/{module}}, ...)
     */
    public RestClient admin() {
        return RestClient.create(adminUrl());
    }

    /**
     * How a test finds the dead letters of the messages it sent: the recent messages to {@code
     * $upstream} ({@code GET /api/upstream}) from a module's output {@code deadLetter} whose
     * application property {@code marker} has this value.
     *
     * @param marker the value of the property {@code marker} the test gave its messages
     * @return those dead letters, oldest first, as the admin API shows them
     */
    public List<JsonNode> deadLetters(String marker) {
        JsonNode upstream = admin().get().uri("/api/upstream").retrieve().body(JsonNode.class);
        return upstream.valueStream()
                .filter(message -> "deadLetter".equals(message.path("output").asString()))
                .filter(
                        message ->
                                marker.equals(message.path("properties").path("marker").asString()))
                .toList();
    }

    /**
     * Merges a patch into a module's desired properties, as {@code PATCH
     * /api/twins/{module}/desired} does.
     *
     * @param module the module
     * @param patch the properties to set; a {@code null} value removes one
     */
    public void patchDesired(String module, Map<String, ?> patch) {
        admin().patch()
                .uri("/api/twins/{module}/desired", module)
                .contentType(MediaType.APPLICATION_JSON)
                .body(patch)
                .retrieve()
                .toBodilessEntity();
    }

    /**
     * @param module a module id
     * @return its key under the hub's development key
     */
    public String keyOf(String module) {
        return KEYS.keyOf(module);
    }

    /**
     * The settings a compose file or a manifest gives a module, pointed at this hub.
     *
     * @param module the module's id
     * @return command-line arguments for its application
     */
    public List<String> moduleSettings(String module) {
        return List.of(
                "--edge.module-id=" + module,
                "--edge.transport=mqtt",
                "--edge.hub-url=" + mqttUrl(),
                "--edge.key=" + keyOf(module),
                "--edge.connect-timeout=10s",
                "--server.address=127.0.0.1",
                "--server.port=0",
                "--spring.application.name=" + module,
                "--spring.main.banner-mode=off");
    }

    /**
     * Runs a module's application against this hub.
     *
     * @param application the module's {@code @SpringBootApplication}
     * @param module the module's id
     * @param more more settings ({@code --name=value}); one given here replaces the default one
     * @return the running module
     */
    public ConfigurableApplicationContext runModule(
            Class<?> application, String module, String... more) {
        return new SpringApplicationBuilder(application)
                .run(withOverrides(moduleSettings(module), more));
    }

    /**
     * Command-line settings where a later {@code --name=value} replaces an earlier one of the same
     * name: Spring would keep both.
     *
     * @param defaults the settings to start from
     * @param overrides settings that replace defaults of the same name, or add to them
     * @return the merged settings, in the order first given
     */
    public static String[] withOverrides(List<String> defaults, String... overrides) {
        Map<String, String> byName = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(defaults);
        all.addAll(Arrays.asList(overrides));
        for (String setting : all) {
            int equals = setting.indexOf('=');
            byName.put(equals < 0 ? setting : setting.substring(0, equals), setting);
        }
        return byName.values().toArray(String[]::new);
    }

    /**
     * Connects a plain MQTT v5 client as a module, to play a peer of the module under test.
     *
     * @param module the module to connect as
     * @return the connected client
     * @throws MqttException when the hub refuses it
     */
    public TestModule connect(String module) throws MqttException {
        return TestModule.connect(mqttUrl(), module, keyOf(module));
    }

    /**
     * Connects the read-only observer, which may subscribe to any topic (to watch what routes
     * deliver) and publish to none.
     *
     * @param clientId a client id that starts with {@code $observer}
     * @return the connected observer
     * @throws MqttException when the hub refuses it
     */
    public TestModule observe(String clientId) throws MqttException {
        return TestModule.connect(mqttUrl(), clientId, "$observer", keyOf("$observer"));
    }

    @Override
    public void close() {
        stop();
    }
}
