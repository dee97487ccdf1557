package io.edgejava.hub.twin;

import io.edgejava.edge.contract.Topics;
import io.edgejava.hub.broker.HubPublisher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The twins of the deployment's modules, kept in the hub's data folder so that patched desired
 * properties and reported properties survive a restart.
 *
 * <p>At start-up a module whose desired properties in the manifest changed since the last start
 * takes the manifest's (a new deployment wins, as on a device); otherwise it keeps what was patched
 * at run time. Patches follow JSON merge patch: {@code null} removes a property.
 */
public final class TwinStore {

    private static final String VERSION = "$version";
    private static final String STATE_FILE = "twins.json";

    private final Path file;
    private final JsonMapper json;
    private final HubPublisher publisher;
    private final Map<String, Twin> twins = new LinkedHashMap<>();

    /**
     * @param dataDir the hub's data folder
     * @param manifestDesired each module's desired properties in the manifest
     * @param json JSON codec
     * @param publisher publishes desired properties into the broker
     */
    public TwinStore(
            Path dataDir,
            Map<String, ObjectNode> manifestDesired,
            JsonMapper json,
            HubPublisher publisher) {
        this.file = dataDir.resolve(STATE_FILE);
        this.json = json;
        this.publisher = publisher;
        Map<String, Twin> saved = load();
        manifestDesired.forEach(
                (module, desired) -> {
                    Twin previous = saved.remove(module);
                    twins.put(
                            module,
                            previous == null
                                    ? Twin.fresh(desired, json)
                                    : previous.redeployed(desired));
                });
        twins.putAll(saved);
        save();
    }

    /**
     * @param module a module id
     * @return its twin: {@code {"desired": {..., "$version": n}, "reported": {..., "$version":
     *     m}}}, or empty when the hub knows no twin of it
     */
    public synchronized Optional<ObjectNode> twin(String module) {
        Twin twin = twins.get(module);
        if (twin == null) {
            return Optional.empty();
        }
        ObjectNode document = json.createObjectNode();
        document.set("desired", twin.desiredDocument());
        document.set("reported", twin.reportedDocument());
        return Optional.of(document);
    }

    /**
     * Merges a patch into a module's desired properties and delivers them.
     *
     * @param module a module id
     * @param patch a JSON merge patch
     * @return the new desired properties, with their {@code $version}
     */
    public ObjectNode patchDesired(String module, ObjectNode patch) {
        ObjectNode document;
        synchronized (this) {
            Twin twin =
                    twins.computeIfAbsent(module, id -> Twin.fresh(json.createObjectNode(), json));
            twin.patchDesired(patch);
            save();
            document = twin.desiredDocument();
        }
        deliver(module, document).join();
        return document;
    }

    /**
     * Merges a module's reported patch.
     *
     * @param module the reporting module
     * @param patch a JSON merge patch
     */
    public synchronized void patchReported(String module, ObjectNode patch) {
        twins.computeIfAbsent(module, id -> Twin.fresh(json.createObjectNode(), json))
                .patchReported(patch);
        save();
    }

    /**
     * Delivers every module's desired properties, retained, so that a module gets them when it
     * subscribes.
     *
     * @return completes when the broker holds them all
     */
    public CompletableFuture<Void> deliverAll() {
        Map<String, ObjectNode> documents = new LinkedHashMap<>();
        synchronized (this) {
            twins.forEach((module, twin) -> documents.put(module, twin.desiredDocument()));
        }
        return CompletableFuture.allOf(
                documents.entrySet().stream()
                        .map(entry -> deliver(entry.getKey(), entry.getValue()))
                        .toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<Void> deliver(String module, ObjectNode desired) {
        return publisher.publish(
                new HubPublisher.Message(
                        Topics.twinDesired(module),
                        json.writeValueAsBytes(desired),
                        true,
                        "application/json",
                        null,
                        null,
                        null,
                        Map.of("$contentEncoding", "utf-8")));
    }

    private Map<String, Twin> load() {
        Map<String, Twin> saved = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return saved;
        }
        JsonNode root = json.readTree(file.toFile());
        root.properties()
                .forEach(entry -> saved.put(entry.getKey(), Twin.of(entry.getValue(), json)));
        return saved;
    }

    private void save() {
        ObjectNode root = json.createObjectNode();
        twins.forEach((module, twin) -> root.set(module, twin.toJson()));
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(STATE_FILE + ".tmp");
            Files.write(temporary, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
            Files.move(
                    temporary,
                    file,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the twins to " + file, e);
        }
    }

    /** One module's twin; guarded by the store's lock. */
    private static final class Twin {
        private final JsonMapper json;
        private ObjectNode deployed;
        private ObjectNode desired;
        private long desiredVersion;
        private ObjectNode reported;
        private long reportedVersion;

        private Twin(
                JsonMapper json,
                ObjectNode deployed,
                ObjectNode desired,
                long desiredVersion,
                ObjectNode reported,
                long reportedVersion) {
            this.json = json;
            this.deployed = deployed;
            this.desired = desired;
            this.desiredVersion = desiredVersion;
            this.reported = reported;
            this.reportedVersion = reportedVersion;
        }

        static Twin fresh(ObjectNode deployed, JsonMapper json) {
            return new Twin(
                    json, deployed.deepCopy(), deployed.deepCopy(), 1, json.createObjectNode(), 1);
        }

        static Twin of(JsonNode saved, JsonMapper json) {
            return new Twin(
                    json,
                    objectOrEmpty(saved.path("deployed"), json),
                    objectOrEmpty(saved.path("desired"), json),
                    saved.path("desiredVersion").asLong(1),
                    objectOrEmpty(saved.path("reported"), json),
                    saved.path("reportedVersion").asLong(1));
        }

        Twin redeployed(ObjectNode manifestDesired) {
            if (!manifestDesired.equals(deployed)) {
                deployed = manifestDesired.deepCopy();
                desired = manifestDesired.deepCopy();
                desiredVersion++;
            }
            return this;
        }

        void patchDesired(ObjectNode patch) {
            merge(desired, patch);
            desiredVersion++;
        }

        void patchReported(ObjectNode patch) {
            merge(reported, patch);
            reportedVersion++;
        }

        ObjectNode desiredDocument() {
            return desired.deepCopy().put(VERSION, desiredVersion);
        }

        ObjectNode reportedDocument() {
            return reported.deepCopy().put(VERSION, reportedVersion);
        }

        ObjectNode toJson() {
            ObjectNode node = json.createObjectNode();
            node.set("deployed", deployed);
            node.set("desired", desired);
            node.put("desiredVersion", desiredVersion);
            node.set("reported", reported);
            node.put("reportedVersion", reportedVersion);
            return node;
        }

        private static ObjectNode objectOrEmpty(JsonNode node, JsonMapper json) {
            return node.isObject() ? (ObjectNode) node : json.createObjectNode();
        }
    }

    /** JSON merge patch (RFC 7396) of {@code patch} into {@code target}; {@code $}-keys ignored. */
    static void merge(ObjectNode target, ObjectNode patch) {
        for (Map.Entry<String, JsonNode> entry : patch.properties()) {
            String name = entry.getKey();
            JsonNode value = entry.getValue();
            if (name.startsWith("$")) {
                continue;
            }
            if (value.isNull()) {
                target.remove(name);
            } else if (value.isObject()) {
                JsonNode existing = target.path(name);
                merge(
                        existing.isObject() ? (ObjectNode) existing : target.putObject(name),
                        (ObjectNode) value);
            } else {
                target.set(name, value.deepCopy());
            }
        }
    }
}
