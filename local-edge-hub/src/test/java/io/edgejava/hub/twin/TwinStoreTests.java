package io.edgejava.hub.twin;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgejava.hub.broker.HubPublisher;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class TwinStoreTests {

    @TempDir Path dataDir;

    private final JsonMapper json = JsonMapper.builder().build();
    private final List<HubPublisher.Message> published = new CopyOnWriteArrayList<>();
    private final HubPublisher publisher =
            new HubPublisher() {
                @Override
                public CompletableFuture<Void> publish(Message message) {
                    published.add(message);
                    return CompletableFuture.completedFuture(null);
                }
            };

    @Test
    void mergesPatchesAsJsonMergePatchesAndCountsVersions() {
        TwinStore twins =
                store(Map.of("filter", object("{\"a\": 1, \"nested\": {\"x\": 1, \"y\": 2}}")));

        ObjectNode desired =
                twins.patchDesired(
                        "filter",
                        object(
                                "{\"a\": null, \"b\": 2, \"nested\": {\"y\": null, \"z\": {\"k\": null}}}"));

        assertThat(desired.toString())
                .isEqualTo("{\"nested\":{\"x\":1,\"z\":{}},\"b\":2,\"$version\":2}");
        assertThat(published)
                .singleElement()
                .satisfies(
                        message -> {
                            assertThat(message.topic()).isEqualTo("modules/filter/twin/desired");
                            assertThat(message.retain()).isTrue();
                        });
    }

    @Test
    void keepsRunTimePatchesAcrossARestartWhileTheManifestIsUnchanged() {
        Map<String, ObjectNode> manifest = Map.of("filter", object("{\"threshold\": 25}"));
        store(manifest).patchDesired("filter", object("{\"threshold\": 31}"));
        store(manifest).patchReported("filter", object("{\"threshold\": 31}"));

        ObjectNode twin = store(manifest).twin("filter").orElseThrow();

        assertThat(twin.path("desired").toString()).isEqualTo("{\"threshold\":31,\"$version\":2}");
        assertThat(twin.path("reported").toString()).isEqualTo("{\"threshold\":31,\"$version\":2}");
    }

    @Test
    void takesTheManifestsDesiredPropertiesWhenADeploymentChangesThem() {
        store(Map.of("filter", object("{\"threshold\": 25}")))
                .patchDesired("filter", object("{\"threshold\": 31}"));

        ObjectNode twin =
                store(Map.of("filter", object("{\"threshold\": 40}"))).twin("filter").orElseThrow();

        assertThat(twin.path("desired").toString()).isEqualTo("{\"threshold\":40,\"$version\":3}");
    }

    @Test
    void ignoresMetadataKeysInPatches() {
        TwinStore twins = store(Map.of());
        twins.patchReported("sensor", object("{\"$version\": 99, \"SendData\": true}"));
        assertThat(twins.twin("sensor").orElseThrow().path("reported").toString())
                .isEqualTo("{\"SendData\":true,\"$version\":2}");
    }

    private TwinStore store(Map<String, ObjectNode> manifest) {
        return new TwinStore(dataDir, manifest, json, publisher);
    }

    private ObjectNode object(String text) {
        return (ObjectNode) json.readTree(text);
    }
}
