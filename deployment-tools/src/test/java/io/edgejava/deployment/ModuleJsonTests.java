package io.edgejava.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each module the template deploys from this repository has a module.json that builds its image the
 * way the Dockerfiles expect, with the version of the build.
 */
class ModuleJsonTests {

    private static final JsonMapper json = JsonMapper.builder().build();

    /** The modules of the template whose images this repository builds (not sql, not edgeHub). */
    static List<String> modulesBuiltHere() {
        return List.of(
                "sensor-module", "filter-module", "sql-writer-module", "direct-method-caller");
    }

    @ParameterizedTest
    @MethodSource("modulesBuiltHere")
    void theModuleJsonBuildsTheImageFromTheSharedDockerfilesWithTheBuildsVersion(String module) {
        JsonNode image = json.readTree(Path.of("..", module, "module.json").toFile()).path("image");

        assertThat(image.path("repository").asString()).isEqualTo("localhost:5000/" + module);
        assertThat(image.path("tag").path("version").asString())
                .as("the root pom's version without -SNAPSHOT")
                .isEqualTo(System.getProperty("project.version").replace("-SNAPSHOT", ""));
        assertThat(json.convertValue(image.path("tag").path("platforms"), Map.class))
                .isEqualTo(
                        Map.of(
                                "amd64", "../docker/Dockerfile",
                                "arm64v8", "../docker/Dockerfile",
                                "amd64.debug", "../docker/Dockerfile.debug",
                                "arm64v8.debug", "../docker/Dockerfile.debug"));
        assertThat(json.convertValue(image.path("buildOptions"), List.class))
                .isEqualTo(List.of("--build-arg", "MODULE=" + module));
        assertThat(image.path("contextPath").asString()).isEqualTo("../");
    }

    @ParameterizedTest
    @MethodSource("modulesBuiltHere")
    void theTemplateDeploysTheModuleUnderItsFolderName(String module) {
        Matcher placeholder =
                Pattern.compile("\\$\\{MODULES\\.([^.}]+)")
                        .matcher(
                                ProjectDeploymentTests.template()
                                        .path("modulesContent")
                                        .path("$edgeAgent")
                                        .path("properties.desired")
                                        .path("modules")
                                        .path(module)
                                        .path("settings")
                                        .path("image")
                                        .asString());

        assertThat(placeholder.find()).isTrue();
        assertThat(placeholder.group(1)).isEqualTo(module);
    }
}
