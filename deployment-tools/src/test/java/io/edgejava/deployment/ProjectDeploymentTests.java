package io.edgejava.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The project's own deployment.template.json is a valid deployment template, and renders for each
 * platform into manifests that the edgeAgent and edgeHub schemas accept.
 */
class ProjectDeploymentTests {

    static final Path TEMPLATE = Path.of("..", "deployment.template.json");
    static final Path FIXTURE_ENV = Path.of("src", "test", "resources", "fixture.env");

    private static final JsonMapper json = JsonMapper.builder().build();

    static JsonNode template() {
        return json.readTree(TEMPLATE.toFile());
    }

    static ObjectNode render(String platform) {
        return new DeploymentRenderer()
                .render(
                        new RenderRequest(
                                platform,
                                null,
                                null,
                                FIXTURE_ENV,
                                true,
                                TEMPLATE,
                                Path.of("config")),
                        Variables.load(FIXTURE_ENV, true, Map.of()));
    }

    @Test
    void theTemplateIsValidAgainstTheDeploymentTemplateSchema() {
        assertThat(DeploymentSchemas.template(template())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"amd64", "arm64v8"})
    void theRenderedManifestIsValidAgainstTheEdgeAgentAndEdgeHubSchemas(String platform) {
        ObjectNode manifest = render(platform);

        assertThat(DeploymentSchemas.edgeAgent(manifest)).isEmpty();
        assertThat(DeploymentSchemas.edgeHub(manifest)).isEmpty();
        assertThat(manifest.has("$schema-template")).isFalse();
        JsonNode modules =
                manifest.path("modulesContent")
                        .path("$edgeAgent")
                        .path("properties.desired")
                        .path("modules");
        assertThat(modules.path("sensor-module").path("settings").path("image").asString())
                .isEqualTo("localhost:5000/sensor-module:0.1.0-" + platform);
        assertThat(
                        modules.path("sql")
                                .path("env")
                                .path("MSSQL_SA_PASSWORD")
                                .path("value")
                                .asString())
                .isEqualTo("Fixture!Passw0rd");
        assertThat(manifest.toString()).doesNotContain("${").doesNotContain("$SQL_SA_PASSWORD");
    }

    @Test
    void aTemplateThatBreaksTheSchemaFailsNamingThePath() {
        ObjectNode broken = (ObjectNode) template();
        ObjectNode sensor =
                (ObjectNode)
                        broken.path("modulesContent")
                                .path("$edgeAgent")
                                .path("properties.desired")
                                .path("modules")
                                .path("sensor-module");
        sensor.put("restartPolicy", "sometimes");
        sensor.remove("status");

        assertThat(DeploymentSchemas.template(broken))
                .anySatisfy(
                        error ->
                                assertThat(error)
                                        .contains(
                                                "/modulesContent/$edgeAgent/properties.desired/modules/sensor-module/restartPolicy"))
                .anySatisfy(
                        error ->
                                assertThat(error)
                                        .contains(
                                                "/modulesContent/$edgeAgent/properties.desired/modules/sensor-module:")
                                        .contains("status"));
    }

    @Test
    void createOptionsLeftAsAnObjectFailTheEdgeAgentSchemaNamingThePath() {
        ObjectNode manifest = render("amd64");
        ObjectNode settings =
                (ObjectNode)
                        manifest.path("modulesContent")
                                .path("$edgeAgent")
                                .path("properties.desired")
                                .path("modules")
                                .path("filter-module")
                                .path("settings");
        settings.putObject("createOptions").putObject("HostConfig").put("Memory", 1);

        assertThat(DeploymentSchemas.edgeAgent(manifest))
                .anySatisfy(
                        error ->
                                assertThat(error)
                                        .contains(
                                                "/$edgeAgent/properties.desired/modules/filter-module/settings/createOptions"));
    }

    @Test
    void aRoutePriorityOutOfRangeFailsTheEdgeHubSchemaNamingThePath() {
        ObjectNode manifest = render("amd64");
        ((ObjectNode)
                        manifest.path("modulesContent")
                                .path("$edgeHub")
                                .path("properties.desired")
                                .path("routes")
                                .path("alertsUpstream"))
                .put("priority", 12);

        assertThat(DeploymentSchemas.edgeHub(manifest))
                .anySatisfy(
                        error ->
                                assertThat(error)
                                        .contains(
                                                "/$edgeHub/properties.desired/routes/alertsUpstream"));
    }
}
