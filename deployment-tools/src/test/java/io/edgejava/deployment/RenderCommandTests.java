package io.edgejava.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The command writes config/deployment.&lt;platform&gt;.json, and answers bad input with exit code
 * 2 and a message that says what is wrong.
 */
class RenderCommandTests {

    @TempDir Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        return RenderCommand.run(
                all,
                Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Renders the project's template into {@code folder/config} with this env file. */
    private int renderProjectTemplate(Path env, String platform, String... options) {
        List<String> args = new ArrayList<>(List.of("--platform", platform));
        args.addAll(List.of(options));
        args.addAll(
                List.of(
                        "--env",
                        env.toString(),
                        "--template",
                        ProjectDeploymentTests.TEMPLATE.toString(),
                        "--out",
                        folder.resolve("config").toString()));
        return run(args.toArray(String[]::new));
    }

    private static String imageOf(JsonNode agent, String module) {
        return agent.path("modules").path(module).path("settings").path("image").asString();
    }

    @Test
    void theProjectsTemplateIsWrittenToTheOutFolderForThePlatform() {
        int code =
                renderProjectTemplate(
                        ProjectDeploymentTests.FIXTURE_ENV,
                        "arm64v8",
                        "--registry",
                        "myregistry.azurecr.io",
                        "--tag",
                        "1.2.3");

        assertThat(code).as(errors()).isZero();
        Path manifest = folder.resolve("config").resolve("deployment.arm64v8.json");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Wrote " + manifest);
        assertThat(imageOf(agentOf(manifest), "filter-module"))
                .isEqualTo("myregistry.azurecr.io/filter-module:1.2.3-arm64v8");
    }

    @Test
    void theRegistryOptionIsAlsoTheAddressTheDevicesCredentialsAreFor() {
        int code =
                renderProjectTemplate(
                        ProjectDeploymentTests.FIXTURE_ENV,
                        "amd64",
                        "--registry",
                        "myregistry.azurecr.io");

        assertThat(code).as(errors()).isZero();
        JsonNode agent = agentOf(folder.resolve("config").resolve("deployment.amd64.json"));
        assertThat(agent.path("runtime").path("settings").path("registryCredentials"))
                .isNotEmpty()
                .allSatisfy(
                        credentials ->
                                assertThat(credentials.path("address").asString())
                                        .isEqualTo("myregistry.azurecr.io"));
        assertThat(imageOf(agent, "sensor-module"))
                .isEqualTo("myregistry.azurecr.io/sensor-module:0.1.0-amd64");
    }

    @Test
    void withoutTheRegistryOptionTheImagesComeFromTheRegistryTheEnvFileNames() throws IOException {
        Path env = folder.resolve("registry.env");
        Files.writeString(
                env,
                Files.readString(ProjectDeploymentTests.FIXTURE_ENV)
                                .replaceAll("(?m)^CONTAINER_REGISTRY_ADDRESS=.*$", "")
                        + "\nCONTAINER_REGISTRY_ADDRESS=fromenv.azurecr.io\n");
        int code = renderProjectTemplate(env, "amd64");

        assertThat(code).as(errors()).isZero();
        JsonNode agent = agentOf(folder.resolve("config").resolve("deployment.amd64.json"));
        assertThat(imageOf(agent, "filter-module"))
                .isEqualTo("fromenv.azurecr.io/filter-module:0.1.0-amd64");
    }

    private static JsonNode agentOf(Path manifest) {
        return JsonMapper.builder()
                .build()
                .readTree(manifest.toFile())
                .path("modulesContent")
                .path("$edgeAgent")
                .path("properties.desired");
    }

    @Test
    void anUnknownPlatformExitsWith2NamingIt() {
        int code =
                run(
                        "--platform", "arm32v7",
                        "--env", ProjectDeploymentTests.FIXTURE_ENV.toString(),
                        "--template", ProjectDeploymentTests.TEMPLATE.toString(),
                        "--out", folder.toString());

        assertThat(code).isEqualTo(2);
        assertThat(errors()).contains("unknown platform 'arm32v7'").contains("usage:");
        assertThat(folder.resolve("deployment.arm32v7.json")).doesNotExist();
    }

    @Test
    void aTemplateThatIsNotJsonExitsWith2NamingTheFileAndLine() throws IOException {
        Path template = Files.writeString(folder.resolve("broken.json"), "{\n  \"a\": ,\n}");

        int code = run("--platform", "amd64", "--template", template.toString());

        assertThat(code).isEqualTo(2);
        assertThat(errors()).contains("template " + template + " is not JSON").contains("line 2");
    }

    @Test
    void aModuleFolderWithoutModuleJsonExitsWith2NamingIt() throws IOException {
        Path template =
                Files.writeString(
                        folder.resolve("deployment.template.json"),
                        "{\"modulesContent\": {\"$edgeAgent\": {\"properties.desired\":"
                                + " {\"modules\": {\"x\": {\"settings\": {\"image\":"
                                + " \"${MODULES.nowhere}\"}}}}}}}");

        int code = run("--platform", "amd64", "--template", template.toString());

        assertThat(code).isEqualTo(2);
        assertThat(errors()).contains("module folder 'nowhere' has no module.json");
    }

    @Test
    void noPlatformOrAnUnknownOptionExitsWith2() {
        assertThat(run("--template", "deployment.template.json")).isEqualTo(2);
        assertThat(errors()).contains("--platform is required");

        assertThat(run("--platform", "amd64", "--colour", "blue")).isEqualTo(2);
        assertThat(errors()).contains("unknown option --colour");

        assertThat(run("--platform")).isEqualTo(2);
        assertThat(errors()).contains("--platform needs a value");
    }
}
