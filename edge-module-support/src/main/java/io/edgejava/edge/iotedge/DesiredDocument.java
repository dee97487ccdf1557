package io.edgejava.edge.iotedge;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A module's whole desired properties. The SDK hands the transport the whole document only once
 * ({@code getTwin}) and then patches; modules get the whole document each time, as on the {@code
 * mqtt} transport, so the transport keeps it and merges each patch into it.
 */
final class DesiredDocument {

    static final String VERSION = "$version";

    private final JsonMapper json;
    private ObjectNode document;

    DesiredDocument(JsonMapper json) {
        this.json = json;
        this.document = json.createObjectNode();
    }

    /**
     * Replaces the document with the twin's desired properties.
     *
     * @param properties the desired properties, JSON, without metadata
     * @param version their version
     * @return the whole document, with {@code $version}
     */
    synchronized byte[] replace(String properties, long version) {
        document = object(properties);
        document.put(VERSION, version);
        return json.writeValueAsBytes(document);
    }

    /**
     * Merges a patch as JSON merge patch does (RFC 7396): a null removes the property, an object
     * merges into an object, anything else replaces.
     *
     * @param patch the patch's properties, JSON
     * @param version the version after the patch
     * @return the whole document, with {@code $version}
     */
    synchronized byte[] merge(String patch, long version) {
        merge(document, object(patch));
        document.put(VERSION, version);
        return json.writeValueAsBytes(document);
    }

    private static void merge(ObjectNode target, ObjectNode patch) {
        for (Map.Entry<String, JsonNode> entry : patch.properties()) {
            JsonNode value = entry.getValue();
            JsonNode existing = target.get(entry.getKey());
            if (value.isNull()) {
                target.remove(entry.getKey());
            } else if (value.isObject()) {
                // Into a fresh object when there is none: a null inside a new object is a removal
                // of nothing, not a property whose value is null (RFC 7396).
                ObjectNode into =
                        existing != null && existing.isObject()
                                ? (ObjectNode) existing
                                : target.putObject(entry.getKey());
                merge(into, (ObjectNode) value);
            } else {
                target.set(entry.getKey(), value.deepCopy());
            }
        }
    }

    private ObjectNode object(String properties) {
        JsonNode tree = json.readTree(properties);
        ObjectNode object = tree.isObject() ? (ObjectNode) tree : json.createObjectNode();
        object.remove(VERSION);
        return object;
    }
}
