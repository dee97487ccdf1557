package io.edgejava.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgejava.hub.identity.ModuleKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * docker-compose.yml runs what deployment.template.json deploys, so that `docker compose up` on a
 * laptop and the manifest on a device are the same application: the same module names, the same
 * environment (names and values), the same container paths for mounts, the same memory limits and
 * published ports, and the very manifest file for the hub's routes. The only additions compose may
 * make are the local hub itself and how modules reach it (EDGE_TRANSPORT, EDGE_HUB_URL, EDGE_KEY).
 */
class CompositionTests {

    private static final Path ROOT = Path.of("..");
    private static final Set<String> LOCAL_HUB_CONNECTION =
            Set.of("EDGE_TRANSPORT", "EDGE_HUB_URL", "EDGE_KEY");

    /** Services compose adds: the hub edgeHub stands for, and the bind mount's owner fix. */
    private static final Set<String> COMPOSE_ONLY = Set.of("local-edge-hub", "batch-folder");

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final YAMLMapper yaml = YAMLMapper.builder().build();

    private final JsonNode modules =
            json.readTree(ROOT.resolve("deployment.template.json").toFile())
                    .path("modulesContent")
                    .path("$edgeAgent")
                    .path("properties.desired")
                    .path("modules");
    private final JsonNode services =
            yaml.readTree(ROOT.resolve("docker-compose.yml").toFile()).path("services");

    @Test
    void composeRunsTheManifestsModulesUnderTheSameNamesPlusTheLocalHub() {
        Set<String> expected = new TreeSet<>(modules.propertyNames());
        expected.addAll(COMPOSE_ONLY);

        assertThat(new TreeSet<>(services.propertyNames())).isEqualTo(expected);
    }

    @Test
    void eachModuleGetsTheManifestsEnvironmentWithTheSameValues() {
        for (String module : modules.propertyNames()) {
            Map<String, String> manifest = new TreeMap<>();
            modules.path(module)
                    .path("env")
                    .properties()
                    .forEach(
                            e ->
                                    manifest.put(
                                            e.getKey(),
                                            composeStyle(e.getValue().path("value").asString())));
            Map<String, String> compose = environment(services.path(module));
            compose.keySet().removeAll(LOCAL_HUB_CONNECTION);

            assertThat(compose).as("environment of %s", module).isEqualTo(manifest);
        }
    }

    @Test
    void modulesMountTheSameContainerPathsAsOnADevice() {
        for (String module : modules.propertyNames()) {
            Set<String> manifest = new TreeSet<>();
            hostConfig(module)
                    .path("Binds")
                    .forEach(bind -> manifest.add(containerPath(bind.asString())));
            Set<String> compose = new TreeSet<>();
            services.path(module)
                    .path("volumes")
                    .forEach(volume -> compose.add(containerPath(volume.asString())));

            assertThat(compose).as("container paths mounted in %s", module).isEqualTo(manifest);
        }
    }

    @Test
    void modulesHaveTheSameMemoryLimitsAsOnADevice() {
        for (String module : modules.propertyNames()) {
            assertThat(bytes(services.path(module).path("mem_limit").asString()))
                    .as("mem_limit of %s", module)
                    .isEqualTo(hostConfig(module).path("Memory").asLong());
        }
    }

    @Test
    void modulesPublishTheSamePortsOnLoopbackAsOnADevice() {
        for (String module : modules.propertyNames()) {
            Set<String> manifest = new TreeSet<>();
            hostConfig(module)
                    .path("PortBindings")
                    .properties()
                    .forEach(
                            binding ->
                                    binding.getValue()
                                            .forEach(
                                                    host ->
                                                            manifest.add(
                                                                    host.path("HostIp").asString()
                                                                            + ":"
                                                                            + host.path("HostPort")
                                                                                    .asString()
                                                                            + ":"
                                                                            + binding.getKey()
                                                                                    .replace(
                                                                                            "/tcp",
                                                                                            ""))));
            Set<String> compose = new TreeSet<>();
            services.path(module).path("ports").forEach(port -> compose.add(port.asString()));

            assertThat(compose).as("ports of %s", module).isEqualTo(manifest);
            assertThat(compose).allMatch(port -> port.startsWith("127.0.0.1:"));
        }
    }

    @Test
    void theHubReadsTheManifestItselfReadOnly() {
        JsonNode hub = services.path("local-edge-hub");
        String manifest = environment(hub).get("HUB_MANIFEST");

        assertThat(manifest).isNotBlank();
        assertThat(hub.path("volumes").valueStream().map(JsonNode::asString))
                .contains("./deployment.template.json:" + manifest + ":ro");
    }

    @Test
    void everyApplicationIsBuiltFromTheSharedDockerfileForItsOwnFolder() {
        for (String service : services.propertyNames()) {
            JsonNode build = services.path(service).path("build");
            if (build.isMissingNode()) {
                continue; // sql: a published image
            }
            String folder =
                    service.equals("batch-folder") ? "sensor-module" : service; // reuses its image
            assertThat(build.path("context").asString()).isEqualTo(".");
            assertThat(build.path("dockerfile").asString()).isEqualTo("docker/Dockerfile");
            assertThat(build.path("args").valueStream().map(JsonNode::asString))
                    .as("build arguments of %s", service)
                    .containsExactlyInAnyOrder("MODULE=" + folder, "BUILD_IMAGE", "RUNTIME_IMAGE");
            assertThat(Files.isDirectory(ROOT.resolve(folder))).isTrue();
        }
    }

    @Test
    void everyVariableTheStackAndTheManifestNeedIsInDotEnv() throws IOException {
        Map<String, String> env = dotEnv();
        Set<String> needed = new TreeSet<>();
        // ${NAME} without a default in compose; $NAME in the manifest (upper case: $upstream and
        // $body are route syntax).
        Matcher compose =
                Pattern.compile("\\$\\{([A-Z0-9_]+)}")
                        .matcher(
                                Files.readString(ROOT.resolve("docker-compose.yml"))
                                        + Files.readString(ROOT.resolve("compose.postgres.yml")));
        while (compose.find()) {
            needed.add(compose.group(1));
        }
        Matcher manifest =
                Pattern.compile("\\$([A-Z][A-Z0-9_]*)")
                        .matcher(Files.readString(ROOT.resolve("deployment.template.json")));
        while (manifest.find()) {
            needed.add(manifest.group(1));
        }

        assertThat(needed).isNotEmpty();
        assertThat(env.keySet()).containsAll(needed);
        assertThat(env.get("SQL_SA_PASSWORD"))
                .as("SQL Server's password policy: 8+ characters, three kinds of character")
                .hasSizeGreaterThanOrEqualTo(8)
                .containsPattern("[A-Z]")
                .containsPattern("[a-z]")
                .containsPattern("[0-9]");
    }

    @Test
    void theModuleKeysInDotEnvAreTheOnesTheHubDerivesFromItsKey() throws IOException {
        Map<String, String> env = dotEnv();
        // A blank hub key means the hub's published local-only development key.
        String hubKey = env.get("HUB_IDENTITY_KEY");
        ModuleKeys keys =
                new ModuleKeys(hubKey.isBlank() ? ModuleKeys.LOCAL_DEVELOPMENT_KEY : hubKey);
        Pattern reference = Pattern.compile("\\$\\{([A-Z0-9_]+)}");
        int modulesWithKeys = 0;
        for (String module : modules.propertyNames()) {
            String key = environment(services.path(module)).get("EDGE_KEY");
            if (key == null) {
                continue; // sql: not a hub module
            }
            Matcher variable = reference.matcher(key);
            assertThat(variable.matches()).as("EDGE_KEY of %s comes from .env", module).isTrue();
            assertThat(env.get(variable.group(1)))
                    .as("%s in .env, the key of %s", variable.group(1), module)
                    .isEqualTo(keys.keyOf(module));
            modulesWithKeys++;
        }
        assertThat(modulesWithKeys).isEqualTo(4);
    }

    @Test
    void thePostgresOverrideKeepsTheDatabaseAtTheDnsNameSql() {
        JsonNode override =
                yaml.readTree(ROOT.resolve("compose.postgres.yml").toFile()).path("services");

        assertThat(new TreeSet<>(override.propertyNames()))
                .containsExactlyInAnyOrder("sql", "sql-writer-module");
        assertThat(environment(override.path("sql-writer-module")))
                .containsOnlyKeys(
                        "SPRING_DATASOURCE_URL",
                        "SPRING_DATASOURCE_USERNAME",
                        "SPRING_DATASOURCE_PASSWORD")
                .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://sql:5432/measurements");
    }

    private JsonNode hostConfig(String module) {
        return modules.path(module).path("settings").path("createOptions").path("HostConfig");
    }

    /** Compose's environment, in either of its two forms (a map, or a list of NAME=value). */
    private static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode node = service.path("environment");
        if (node.isArray()) {
            node.forEach(
                    entry -> {
                        String[] pair = entry.asString().split("=", 2);
                        env.put(pair[0], pair.length > 1 ? pair[1] : "");
                    });
        } else {
            node.properties().forEach(e -> env.put(e.getKey(), e.getValue().asString()));
        }
        return env;
    }

    /** The manifest's {@code $NAME} is compose's {@code ${NAME}}. */
    private static String composeStyle(String value) {
        return value.replaceAll("\\$([A-Z][A-Z0-9_]*)", "\\${$1}");
    }

    /** {@code host:container[:mode]} to {@code container}; the host part may be ${VAR:-default}. */
    private static String containerPath(String mount) {
        String[] parts = mount.replaceAll("\\$\\{[^}]*}", "host").split(":");
        return parts[1];
    }

    private static long bytes(String limit) {
        long number = Long.parseLong(limit.substring(0, limit.length() - 1));
        return switch (Character.toLowerCase(limit.charAt(limit.length() - 1))) {
            case 'k' -> number << 10;
            case 'm' -> number << 20;
            case 'g' -> number << 30;
            default -> throw new IllegalArgumentException("not a memory limit: " + limit);
        };
    }

    private static Map<String, String> dotEnv() throws IOException {
        Map<String, String> env = new TreeMap<>();
        List<String> lines = new ArrayList<>(Files.readAllLines(ROOT.resolve(".env")));
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] pair = trimmed.split("=", 2);
            env.put(pair[0], pair[1]);
        }
        return env;
    }
}
