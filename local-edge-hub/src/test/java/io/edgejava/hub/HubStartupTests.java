package io.edgejava.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.edgejava.hub.manifest.InvalidManifestException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A manifest the hub cannot apply stops it, with one message that says what is wrong and where. */
class HubStartupTests {

    @TempDir Path folder;

    @Test
    void stopsWithTheFileTheRouteAndThePositionWhenARouteDoesNotParse() throws Exception {
        Path manifest =
                manifest(
                        "\"good\": \"FROM /messages/* INTO $upstream\","
                                + " \"broken\": \"FROM /messages/* WHERE (a = 1 INTO $upstream\"");
        assertThat(manifestError(() -> start(manifest)))
                .hasMessageContaining(manifest.toString())
                .hasMessageContaining("route 'broken'")
                .hasMessageContaining("position");
    }

    @Test
    void stopsWhenARouteSendsToAModuleTheManifestDoesNotDeploy() throws Exception {
        Path manifest =
                manifest(
                        "\"r\": \"FROM /messages/* INTO"
                                + " BrokeredEndpoint(\\\"/modules/ghost/inputs/in\\\")\"");
        assertThat(manifestError(() -> start(manifest)))
                .hasMessageContaining("route 'r' sends to module 'ghost'");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 10})
    void stopsWithTheRouteWhenItsPriorityIsOutside0To9(int priority) throws Exception {
        Path manifest =
                manifest(
                        "\"urgent\": {\"route\": \"FROM /messages/* INTO $upstream\","
                                + " \"priority\": "
                                + priority
                                + "}");
        assertThat(manifestError(() -> start(manifest)))
                .hasMessageContaining("route 'urgent'")
                .hasMessageContaining("priority " + priority + " is out of range");
    }

    @Test
    void stopsWithTheRouteWhenItsTimeToLiveIsNegative() throws Exception {
        Path manifest =
                manifest(
                        "\"brief\": {\"route\": \"FROM /messages/* INTO $upstream\","
                                + " \"timeToLiveSecs\": -5}");
        assertThat(manifestError(() -> start(manifest)))
                .hasMessageContaining("route 'brief'")
                .hasMessageContaining("timeToLiveSecs -5 is negative");
    }

    @Test
    void stopsWhenTwoRoutesHaveTheSameName() throws Exception {
        Path manifest =
                manifest(
                        "\"twice\": \"FROM /messages/* INTO $upstream\","
                                + " \"twice\": \"FROM /* INTO $upstream\"");
        assertThat(manifestError(() -> start(manifest)))
                .hasMessageContaining(manifest.toString())
                .hasMessageContaining("duplicate key \"twice\"");
    }

    @Test
    void stopsWhenTheManifestIsMissing() {
        Path missing = folder.resolve("nowhere.json");
        assertThat(manifestError(() -> start(missing)))
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
    }

    /** The hub's own explanation, wherever Spring wrapped it. */
    private static Throwable manifestError(ThrowingCallable start) {
        Throwable failure = catchThrowable(start);
        assertThat(failure).isNotNull();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidManifestException) {
                return cause;
            }
        }
        throw new AssertionError("no InvalidManifestException in the causes", failure);
    }

    private Path manifest(String routes) throws Exception {
        Path file = folder.resolve("deployment.template.json");
        Files.writeString(
                file,
                """
                {"modulesContent": {
                  "$edgeAgent": {"properties.desired": {"modules": {"sensor": {}}}},
                  "$edgeHub": {"properties.desired": {"routes": {%s}}}
                }}
                """
                        .formatted(routes));
        return file;
    }

    private void start(Path manifest) {
        new SpringApplicationBuilder(LocalEdgeHubApplication.class)
                .web(WebApplicationType.NONE)
                .run(
                        "--hub.manifest=" + manifest,
                        "--hub.data-dir=" + folder.resolve("data"),
                        "--hub.mqtt.port=0",
                        "--hub.mqtt.websocket-port=0")
                .close();
    }
}
