package io.edgejava.hub.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgejava.hub.routing.RouteSink;
import io.edgejava.hub.routing.RouteTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The repository's own deployment.template.json is one the hub can apply. */
class ProjectManifestTests {

    private static final Path MANIFEST = Path.of("..", "deployment.template.json");

    @Test
    void theProjectsManifestParsesAndEveryRouteSendsToADeployedModule() {
        DeploymentManifest manifest =
                new ManifestReader(JsonMapper.builder().build()).read(MANIFEST);
        RouteTable routes =
                RouteTable.compile(manifest.routes(), manifest.storeAndForwardTimeToLive());

        assertThat(routes.routes()).hasSameSizeAs(manifest.routes()).isNotEmpty();
        assertThat(routes.routes())
                .map(route -> route.sink())
                .filteredOn(RouteSink.ModuleInput.class::isInstance)
                .map(sink -> ((RouteSink.ModuleInput) sink).module())
                .allMatch(manifest.modules()::contains);
        assertThat(manifest.modules())
                .contains(
                        "sensor-module",
                        "filter-module",
                        "sql-writer-module",
                        "direct-method-caller");
    }

    /**
     * What the IoT Edge deployment template schema (4.0: edgeAgent schema 1.1) requires, checked
     * here because the build has no network to fetch the schema: a manifest that misses one of
     * these deploys nowhere, although the hub would apply its routes.
     */
    @Test
    void theProjectsManifestHasWhatTheDeploymentTemplateSchemaRequires() {
        JsonNode root = JsonMapper.builder().build().readTree(MANIFEST.toFile());
        JsonNode agent = root.path("modulesContent").path("$edgeAgent").path("properties.desired");
        assertThat(root.path("$schema-template").asString()).isEqualTo("4.0.0");
        for (String required : List.of("schemaVersion", "runtime", "systemModules", "modules")) {
            assertThat(agent.has(required)).as("$edgeAgent desired %s", required).isTrue();
        }
        assertThat(agent.path("systemModules").path("edgeAgent").has("type")).isTrue();
        assertThat(agent.path("systemModules").path("edgeAgent").path("settings").has("image"))
                .isTrue();
        JsonNode edgeHub = agent.path("systemModules").path("edgeHub");
        JsonNode modules = agent.path("modules");
        List<Map.Entry<String, JsonNode>> all = new ArrayList<>(modules.properties());
        all.add(Map.entry("edgeHub", edgeHub));
        for (Map.Entry<String, JsonNode> module : all) {
            for (String required : List.of("type", "status", "restartPolicy", "settings")) {
                assertThat(module.getValue().has(required))
                        .as("%s has %s", module.getKey(), required)
                        .isTrue();
            }
            assertThat(module.getValue().path("settings").path("image").isString())
                    .as("%s has an image", module.getKey())
                    .isTrue();
            assertThat(module.getValue().path("status").asString()).isIn("running", "stopped");
            assertThat(module.getValue().path("restartPolicy").asString())
                    .isIn("never", "on-failure", "on-unhealthy", "always");
        }
        assertThat(modules.propertyNames()).allMatch(name -> name.matches("[a-zA-Z0-9_-]+"));
        assertThat(
                        root.path("modulesContent")
                                .path("$edgeHub")
                                .path("properties.desired")
                                .has("routes"))
                .isTrue();
    }
}
