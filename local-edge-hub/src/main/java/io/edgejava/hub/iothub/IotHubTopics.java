package io.edgejava.hub.iothub;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * IoT Hub's MQTT topics for modules, as the Azure IoT Device SDK uses them and edgeHub serves them.
 * The only place these names are written.
 *
 * <pre>
 * devices/{d}/modules/{m}/messages/events/{properties}   module sends ($.on = output name)
 * devices/{d}/modules/{m}/inputs/{input}/{properties}    hub delivers to an input
 * $iothub/methods/POST/{method}/?$rid={rid}              hub calls a method
 * $iothub/methods/res/{status}/?$rid={rid}               module answers
 * $iothub/twin/GET/?$rid={rid}                           module reads its twin
 * $iothub/twin/PATCH/properties/reported/?$rid={rid}     module reports
 * $iothub/twin/res/{status}/?$rid={rid}[&$version=n]     hub answers twin requests
 * $iothub/twin/PATCH/properties/desired/?$version={n}    hub sends desired properties
 * </pre>
 */
final class IotHubTopics {

    static final String IOTHUB = "$iothub/";
    static final String METHODS_FILTER = "$iothub/methods/POST/#";
    static final String TWIN_RESPONSES_FILTER = "$iothub/twin/res/#";
    static final String DESIRED_FILTER = "$iothub/twin/PATCH/properties/desired/#";

    static final String MESSAGE_ID = "$.mid";
    static final String CORRELATION_ID = "$.cid";
    static final String OUTPUT_NAME = "$.on";
    static final String CONTENT_TYPE = "$.ct";
    static final String CONTENT_ENCODING = "$.ce";
    static final String CREATION_TIME = "$.ctime";
    static final String CONNECTION_DEVICE_ID = "$.cdid";
    static final String CONNECTION_MODULE_ID = "$.cmid";

    private static final String METHOD_REQUEST = "$iothub/methods/POST/";
    private static final String METHOD_RESPONSE = "$iothub/methods/res/";
    private static final String TWIN_GET = "$iothub/twin/GET/";
    private static final String TWIN_REPORTED = "$iothub/twin/PATCH/properties/reported/";
    private static final String TWIN_RESPONSE = "$iothub/twin/res/";
    private static final String DESIRED = "$iothub/twin/PATCH/properties/desired/";

    private IotHubTopics() {}

    /** A module's telemetry: who sent it and its property bag. */
    record Telemetry(String device, String module, Map<String, String> properties) {}

    /** A module's request or answer on a {@code $iothub} topic. */
    record Request(Kind kind, String requestId, int status) {
        enum Kind {
            METHOD_RESPONSE,
            TWIN_GET,
            TWIN_REPORTED
        }
    }

    /** The filter of a module's inputs, as the SDK subscribes to it. */
    static String inputsFilter(String device, String module) {
        return "devices/" + device + "/modules/" + module + "/inputs/#";
    }

    /**
     * @param topic a topic a module published to
     * @return its telemetry parts, or empty when it is not {@code devices/.../messages/events/...}
     */
    static Optional<Telemetry> telemetry(String topic) {
        String[] levels = topic.split("/", 7);
        if (levels.length < 6
                || !"devices".equals(levels[0])
                || !"modules".equals(levels[2])
                || !"messages".equals(levels[4])
                || !"events".equals(levels[5])) {
            return Optional.empty();
        }
        String bag = levels.length == 7 ? levels[6] : "";
        if (bag.endsWith("/")) {
            bag = bag.substring(0, bag.length() - 1);
        }
        return Optional.of(new Telemetry(levels[1], levels[3], properties(bag)));
    }

    /**
     * @param topic a topic a module published to under {@code $iothub/}
     * @return what it asks, or empty when it is no request the hub answers
     */
    static Optional<Request> request(String topic) {
        Optional<String> rid = parameter(topic, "$rid");
        if (rid.isEmpty()) {
            return Optional.empty();
        }
        if (topic.startsWith(TWIN_GET + "?")) {
            return Optional.of(new Request(Request.Kind.TWIN_GET, rid.get(), 0));
        }
        if (topic.startsWith(TWIN_REPORTED + "?")) {
            return Optional.of(new Request(Request.Kind.TWIN_REPORTED, rid.get(), 0));
        }
        if (topic.startsWith(METHOD_RESPONSE)) {
            String status = topic.substring(METHOD_RESPONSE.length(), topic.indexOf("/?"));
            try {
                return Optional.of(
                        new Request(
                                Request.Kind.METHOD_RESPONSE, rid.get(), Integer.parseInt(status)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    static String input(String device, String module, String input, Map<String, String> bag) {
        return "devices/" + device + "/modules/" + module + "/inputs/" + input + "/" + bag(bag);
    }

    static String methodRequest(String method, String requestId) {
        return METHOD_REQUEST + method + "/?$rid=" + requestId;
    }

    static String twinResponse(int status, String requestId, Long version) {
        return TWIN_RESPONSE
                + status
                + "/?$rid="
                + requestId
                + (version == null ? "" : "&$version=" + version);
    }

    static String desired(long version) {
        return DESIRED + "?$version=" + version;
    }

    /**
     * A property bag as the SDK reads it: it takes everything from the first {@code %24.} on as
     * properties, so system properties ({@code $.}-names) come first. Names and values are
     * URL-encoded.
     */
    static String bag(Map<String, String> properties) {
        StringBuilder system = new StringBuilder();
        StringBuilder application = new StringBuilder();
        properties.forEach(
                (name, value) -> {
                    StringBuilder target = name.startsWith("$.") ? system : application;
                    if (target.length() > 0) {
                        target.append('&');
                    }
                    target.append(encode(name)).append('=').append(encode(value));
                });
        if (system.length() > 0 && application.length() > 0) {
            system.append('&');
        }
        return system.append(application).toString();
    }

    static Map<String, String> properties(String bag) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (bag.isEmpty()) {
            return properties;
        }
        for (String pair : bag.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                properties.putIfAbsent(
                        decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
            } else if (!pair.isEmpty()) {
                properties.putIfAbsent(decode(pair), "");
            }
        }
        return properties;
    }

    private static Optional<String> parameter(String topic, String name) {
        int query = topic.indexOf("/?");
        if (query < 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(properties(topic.substring(query + 2)).get(name));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
