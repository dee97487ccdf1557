package io.edgejava.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** Image names are made from module.json as iotedgedev makes them. */
class ModuleDescriptionTests {

    private static final JsonMapper json = JsonMapper.builder().build();

    private final ModuleDescription sensor =
            new ModuleDescription(
                    "sensor-module",
                    "localhost:5000/Sensor-Module",
                    "0.1.0",
                    List.of("amd64", "amd64.debug", "arm64v8", "arm64v8.debug"));

    @TempDir Path folder;

    @Test
    void theImageIsTheRepositoryInLowerCaseTheVersionAndThePlatform() {
        assertThat(sensor.image("amd64", null, null))
                .isEqualTo("localhost:5000/sensor-module:0.1.0-amd64");
        assertThat(sensor.image("arm64v8.debug", null, null))
                .isEqualTo("localhost:5000/sensor-module:0.1.0-arm64v8.debug");
    }

    @Test
    void aRegistryAndATagReplaceThoseOfModuleJson() {
        assertThat(sensor.image("amd64", "myregistry.azurecr.io", "1.2.3"))
                .isEqualTo("myregistry.azurecr.io/sensor-module:1.2.3-amd64");
    }

    @Test
    void aRegistryReplacesOnlyAFirstPartThatDockerTakesForARegistry() {
        assertThat(ModuleDescription.inRegistry("localhost/team/app", "r.io"))
                .isEqualTo("r.io/team/app");
        assertThat(ModuleDescription.inRegistry("host:5000/app", "r.io/")).isEqualTo("r.io/app");
        assertThat(ModuleDescription.inRegistry("team/app", "r.io")).isEqualTo("r.io/team/app");
        assertThat(ModuleDescription.inRegistry("app", "r.io")).isEqualTo("r.io/app");
    }

    @Test
    void aPlatformTheModuleIsNotBuiltForIsAnErrorListingThoseItIs() {
        assertThatThrownBy(() -> sensor.image("arm32v7", null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknown platform 'arm32v7'")
                .hasMessageContaining("sensor-module")
                .hasMessageContaining("amd64, amd64.debug, arm64v8, arm64v8.debug");
    }

    @Test
    void moduleJsonIsReadForRepositoryVersionAndPlatforms() throws IOException {
        Files.createDirectories(folder.resolve("m"));
        Files.writeString(
                folder.resolve("m/module.json"),
                """
                {"$schema-version": "0.0.1",
                 "image": {"repository": "localhost:5000/m",
                           "tag": {"version": "2.0.0", "platforms": {"amd64": "Dockerfile"}}}}
                """);

        assertThat(ModuleDescription.read(folder, "m", json))
                .isEqualTo(
                        new ModuleDescription("m", "localhost:5000/m", "2.0.0", List.of("amd64")));
    }

    @Test
    void aFolderWithoutModuleJsonIsAnErrorNamingTheFolder() {
        assertThatThrownBy(() -> ModuleDescription.read(folder, "no-such-module", json))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("module folder 'no-such-module' has no module.json");
    }

    @Test
    void aModuleJsonWithoutAVersionIsAnErrorNamingTheField() throws IOException {
        Files.createDirectories(folder.resolve("m"));
        Files.writeString(
                folder.resolve("m/module.json"),
                "{\"image\": {\"repository\": \"r/m\", \"tag\": {\"platforms\": {\"amd64\": \"D\"}}}}");

        assertThatThrownBy(() -> ModuleDescription.read(folder, "m", json))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("has no image.tag.version");
    }

    @Test
    void aModuleJsonThatIsNotJsonIsAnErrorNamingTheFile() throws IOException {
        Files.createDirectories(folder.resolve("m"));
        Files.writeString(folder.resolve("m/module.json"), "{ not json");

        assertThatThrownBy(() -> ModuleDescription.read(folder, "m", json))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("module.json is not JSON");
    }
}
