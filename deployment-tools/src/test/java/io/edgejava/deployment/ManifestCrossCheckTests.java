package io.edgejava.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The parts of the project's manifest agree with each other: routes name deployed modules, desired
 * properties are for deployed modules, and the claim-check folder each module is told to use is the
 * one mounted into it. And each check fails on a manifest that breaks it.
 */
class ManifestCrossCheckTests {

    private static final JsonMapper json = JsonMapper.builder().build();

    @TempDir Path folder;

    @Test
    void everyModuleARouteNamesIsDeployedByEdgeAgent() {
        assertThat(
                        ManifestCrossChecks.routesNamingUndeployedModules(
                                ProjectDeploymentTests.TEMPLATE))
                .isEmpty();
        assertThat(ManifestCrossChecks.moduleInputs(ProjectDeploymentTests.TEMPLATE)).isNotEmpty();
    }

    @Test
    void aRouteToAModuleThatIsNotDeployedIsFoundByName() throws IOException {
        ObjectNode manifest = (ObjectNode) ProjectDeploymentTests.template();
        routes(manifest)
                .put(
                        "toNowhere",
                        "FROM /messages/modules/ghost-module/outputs/out INTO"
                                + " BrokeredEndpoint(\"/modules/missing-module/inputs/in\")");

        assertThat(ManifestCrossChecks.routesNamingUndeployedModules(write(manifest)))
                .containsExactly(
                        "route toNowhere takes messages from undeployed module ghost-module",
                        "route toNowhere sends messages to undeployed module missing-module");
    }

    @Test
    void desiredPropertiesAreOnlyForDeployedModules() throws IOException {
        assertThat(
                        ManifestCrossChecks.desiredPropertiesOfUndeployedModules(
                                ProjectDeploymentTests.TEMPLATE))
                .isEmpty();

        ObjectNode manifest = (ObjectNode) ProjectDeploymentTests.template();
        ((ObjectNode) manifest.path("modulesContent"))
                .putObject("old-module")
                .putObject("properties.desired")
                .put("Threshold", 1);
        assertThat(ManifestCrossChecks.desiredPropertiesOfUndeployedModules(write(manifest)))
                .containsExactly(
                        "modulesContent.old-module sets desired properties of a module that is not"
                                + " deployed");
    }

    @Test
    void theBatchFolderEachModuleIsToldToUseIsTheOneMountedIntoIt() {
        JsonNode modules = agentModules(ProjectDeploymentTests.template());
        for (String[] module :
                new String[][] {
                    {"sensor-module", "SENSOR_BATCH_FOLDER"},
                    {"sql-writer-module", "WRITER_BATCH_FOLDER"}
                }) {
            JsonNode settings = modules.path(module[0]);
            String folder = settings.path("env").path(module[1]).path("value").asString();
            assertThat(folder).as("%s %s", module[0], module[1]).isEqualTo("/data/batches");
            assertThat(
                            settings.path("settings")
                                    .path("createOptions")
                                    .path("HostConfig")
                                    .path("Binds"))
                    .as("%s binds", module[0])
                    .extracting(JsonNode::asString)
                    .contains("/srv/edgejava/batches:" + folder);
        }
    }

    @Test
    void theDatabaseStartsBeforeTheWriterAndTheWriterBeforeTheModulesThatFeedIt() {
        JsonNode modules = agentModules(ProjectDeploymentTests.template());
        int sql = modules.path("sql").path("startupOrder").asInt();
        int writer = modules.path("sql-writer-module").path("startupOrder").asInt();
        assertThat(sql).isLessThan(writer);
        assertThat(modules.path("filter-module").path("startupOrder").asInt())
                .isGreaterThan(writer);
        assertThat(modules.path("sensor-module").path("startupOrder").asInt())
                .isGreaterThan(modules.path("filter-module").path("startupOrder").asInt());
        assertThat(
                        modules.path("sql-writer-module")
                                .path("env")
                                .path("SPRING_DATASOURCE_URL")
                                .path("value")
                                .asString())
                .as("the writer reaches the database by the module name sql")
                .startsWith("jdbc:sqlserver://sql:1433;");
    }

    private static JsonNode agentModules(JsonNode manifest) {
        return manifest.path("modulesContent")
                .path("$edgeAgent")
                .path("properties.desired")
                .path("modules");
    }

    private static ObjectNode routes(ObjectNode manifest) {
        return (ObjectNode)
                manifest.path("modulesContent")
                        .path("$edgeHub")
                        .path("properties.desired")
                        .path("routes");
    }

    private Path write(JsonNode manifest) throws IOException {
        Path file = folder.resolve("deployment.template.json");
        Files.writeString(file, json.writeValueAsString(manifest));
        return file;
    }
}
