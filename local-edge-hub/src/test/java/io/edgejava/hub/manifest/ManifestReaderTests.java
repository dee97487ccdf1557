package io.edgejava.hub.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgejava.hub.routing.RouteDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class ManifestReaderTests {

    @TempDir Path folder;

    private final ManifestReader reader = new ManifestReader(JsonMapper.builder().build());

    @Test
    void readsRoutesOfBothSchemasTheTtlModulesAndDesiredProperties() throws Exception {
        DeploymentManifest manifest =
                reader.read(
                        write(
                                """
                                {"modulesContent": {
                                  "$edgeAgent": {"properties.desired": {
                                    "systemModules": {"edgeHub": {"settings": {"image": "${X}"}}},
                                    "modules": {"sensor": {"settings": {"image": "${MODULES.sensor}"}}, "filter": {}}}},
                                  "$edgeHub": {"properties.desired": {
                                    "routes": {
                                      "plain": "FROM /messages/* INTO $upstream",
                                      "object": {"route": "FROM /* INTO $upstream", "priority": 2, "timeToLiveSecs": 60}
                                    },
                                    "storeAndForwardConfiguration": {"timeToLiveSecs": 30}}},
                                  "filter": {"properties.desired": {"TemperatureThreshold": 25, "$version": 4}}
                                }}
                                """));

        assertThat(manifest.routes())
                .containsExactly(
                        new RouteDefinition("plain", "FROM /messages/* INTO $upstream", null, null),
                        new RouteDefinition("object", "FROM /* INTO $upstream", 2, 60L));
        assertThat(manifest.storeAndForwardTimeToLive()).isEqualTo(Duration.ofSeconds(30));
        assertThat(manifest.modules()).containsExactlyInAnyOrder("sensor", "filter");
        assertThat(manifest.desiredProperties().get("filter").toString())
                .isEqualTo("{\"TemperatureThreshold\":25}");
    }

    @Test
    void takesEdgeHubsDefaultTtlWhenTheManifestSetsNone() throws Exception {
        DeploymentManifest manifest =
                reader.read(
                        write(
                                """
                                {"modulesContent": {"$edgeHub": {"properties.desired": {"routes": {}}}}}
                                """));
        assertThat(manifest.storeAndForwardTimeToLive()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void namesTheFileAndThePlaceOfAJsonError() throws Exception {
        Path file = write("{\"modulesContent\": {\n  \"$edgeHub\": oops }}");
        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(InvalidManifestException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not valid JSON")
                .hasMessageContaining("line 2");
    }

    @Test
    void namesTheMissingSection() throws Exception {
        assertThatThrownBy(() -> reader.read(write("{\"modulesContent\": {}}")))
                .hasMessageContaining("$edgeHub.properties.desired");
        assertThatThrownBy(() -> reader.read(write("{}"))).hasMessageContaining("modulesContent");
        assertThatThrownBy(
                        () ->
                                reader.read(
                                        write(
                                                "{\"modulesContent\": {\"$edgeHub\":"
                                                        + " {\"properties.desired\": {}}}}")))
                .hasMessageContaining("no \"routes\"");
    }

    @Test
    void refusesMisshapenRoutes() throws Exception {
        assertThatThrownBy(() -> reader.read(withRoutes("{\"r\": 42}")))
                .hasMessageContaining("route 'r' must be a string or an object");
        assertThatThrownBy(
                        () ->
                                reader.read(
                                        withRoutes(
                                                "{\"r\": {\"route\": \"FROM /* INTO $upstream\","
                                                        + " \"priority\": \"high\"}}")))
                .hasMessageContaining("route 'r': \"priority\" must be a whole number");
    }

    @Test
    void refusesANegativeStoreAndForwardTtl() throws Exception {
        Path file =
                write(
                        "{\"modulesContent\": {\"$edgeHub\": {\"properties.desired\": {\"routes\":"
                                + " {}, \"storeAndForwardConfiguration\": {\"timeToLiveSecs\":"
                                + " -1}}}}}");
        assertThatThrownBy(() -> reader.read(file)).hasMessageContaining("timeToLiveSecs");
    }

    @Test
    void namesTheMissingEdgeHub() throws Exception {
        assertThatThrownBy(
                        () ->
                                reader.read(
                                        write(
                                                "{\"modulesContent\": {\"$edgeAgent\":"
                                                        + " {\"properties.desired\": {}}}}")))
                .isInstanceOf(InvalidManifestException.class)
                .hasMessageContaining("$edgeHub");
    }

    @Test
    void refusesTwoRoutesWithTheSameNameNamingIt() throws Exception {
        // JSON parsers keep the last of duplicate keys without a word: one route would vanish.
        Path file =
                withRoutes(
                        "{\"toFilter\": \"FROM /messages/* INTO $upstream\","
                                + " \"toFilter\": \"FROM /* INTO $upstream\"}");
        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(InvalidManifestException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("duplicate key \"toFilter\"");
    }

    @Test
    void refusesADuplicateKeyAnywhereInTheManifest() throws Exception {
        Path file =
                write(
                        "{\"modulesContent\": {\"$edgeHub\": {\"properties.desired\": {\"routes\":"
                                + " {}}}, \"filter\": {\"properties.desired\":"
                                + " {\"TemperatureThreshold\": 25, \"TemperatureThreshold\": 30}}}}");
        assertThatThrownBy(() -> reader.read(file))
                .hasMessageContaining("duplicate key \"TemperatureThreshold\"");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
                    priority       | `"high"`
                    priority       | 1.5
                    priority       | true
                    priority       | `"1"`
                    priority       | 99999999999
                    timeToLiveSecs | `"a day"`
                    timeToLiveSecs | 2.5
                    timeToLiveSecs | []
                    """)
    void refusesAPriorityOrTimeToLiveThatIsNotAWholeNumberNamingTheRouteAndField(
            String field, String value) throws Exception {
        Path file =
                withRoutes(
                        "{\"r\": {\"route\": \"FROM /* INTO $upstream\", \""
                                + field
                                + "\": "
                                + value
                                + "}}");
        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(InvalidManifestException.class)
                .hasMessageContaining("route 'r': \"" + field + "\"");
    }

    @Test
    void refusesAStoreAndForwardTtlThatIsNotANumber() throws Exception {
        Path file =
                write(
                        "{\"modulesContent\": {\"$edgeHub\": {\"properties.desired\": {\"routes\":"
                                + " {}, \"storeAndForwardConfiguration\": {\"timeToLiveSecs\":"
                                + " \"2h\"}}}}}");
        assertThatThrownBy(() -> reader.read(file))
                .hasMessageContaining("storeAndForwardConfiguration.timeToLiveSecs")
                .hasMessageContaining("\"2h\"");
    }

    private Path withRoutes(String routes) throws Exception {
        return write(
                "{\"modulesContent\": {\"$edgeHub\": {\"properties.desired\": {\"routes\": "
                        + routes
                        + "}}}}");
    }

    private Path write(String content) throws Exception {
        Path file = Files.createTempFile(folder, "manifest", ".json");
        Files.writeString(file, content);
        return file;
    }
}
