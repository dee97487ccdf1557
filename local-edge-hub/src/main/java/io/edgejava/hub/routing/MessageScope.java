package io.edgejava.hub.routing;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What the conditions of one routing pass see of one message.
 *
 * <p>Property names match in any letter case, as in edgeHub, whose message property dictionaries
 * ignore case. The body is parsed the first time a condition queries it and at most once, however
 * many routes query it; a message no condition queries is never parsed.
 *
 * <p>Not thread-safe: {@link RouteTable#route(RoutableMessage)} makes one per call.
 */
final class MessageScope {

    private final RoutableMessage message;

    // null until the first $body query; then the root object, or NOT_QUERYABLE.
    private Object body;
    private int bodyParses;

    private static final Object NOT_QUERYABLE = new Object();

    MessageScope(RoutableMessage message) {
        this.message = message;
    }

    /**
     * An application property.
     *
     * @param name its name, in any letter case
     * @return its value, or {@code null} when the message has none by that name
     */
    String applicationProperty(String name) {
        return lookUp(message.applicationProperties(), name);
    }

    /**
     * A system property.
     *
     * @param key its {@code $}-prefixed name, in any letter case
     * @return its value, or {@code null} when the message has none by that name
     */
    String systemProperty(String key) {
        return lookUp(message.systemProperties(), key);
    }

    /**
     * Answers a {@code $body} query.
     *
     * @param path the query
     * @return the value found, or undefined when the body cannot be queried
     */
    Value body(BodyPath path) {
        if (body == null) {
            bodyParses++;
            JsonNode root =
                    JsonBody.parseQueryableBody(
                            systemProperty(RoutableMessage.CONTENT_TYPE),
                            systemProperty(RoutableMessage.CONTENT_ENCODING),
                            message.body());
            body = root != null ? root : NOT_QUERYABLE;
        }
        return body instanceof JsonNode root ? path.select(root) : Value.UNDEFINED;
    }

    /** How many times this scope parsed the body: 0 or 1. */
    int bodyParses() {
        return bodyParses;
    }

    private static String lookUp(Map<String, String> properties, String name) {
        String exact = properties.get(name);
        if (exact != null) {
            return exact;
        }
        // Property maps are small, and an exact hit is the common case: a scan beats building a
        // case-insensitive copy of every message's properties.
        for (Map.Entry<String, String> property : properties.entrySet()) {
            if (property.getKey().equalsIgnoreCase(name)) {
                return property.getValue();
            }
        }
        return null;
    }
}
