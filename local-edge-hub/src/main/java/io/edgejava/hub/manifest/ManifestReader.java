package io.edgejava.hub.manifest;

import io.edgejava.hub.routing.RouteDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the parts of a deployment manifest that the hub applies, from the same file that is
 * deployed to devices, so that routes are written once.
 *
 * <p>The template's {@code ${...}} placeholders stand inside JSON strings (image names, registry
 * credentials), so they do not stop the file from parsing, and the hub never reads those strings.
 */
public final class ManifestReader {

    /** edgeHub's default when the manifest sets no store-and-forward TTL. */
    static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofSeconds(7200);

    private static final String EDGE_AGENT = "$edgeAgent";
    private static final String EDGE_HUB = "$edgeHub";

    /** Jackson's wording for {@link StreamReadFeature#STRICT_DUPLICATE_DETECTION}. */
    private static final Pattern DUPLICATE_KEY =
            Pattern.compile("Duplicate (?:Object property|field) \"(.*)\"", Pattern.DOTALL);

    private final JsonMapper json;

    /**
     * @param json the application's mapper; the reader adds duplicate key detection to its copy
     */
    public ManifestReader(JsonMapper json) {
        // JSON parsers keep the last of two equal keys without a word: two routes of the same name
        // would leave one silently unrouted.
        this.json = json.rebuild().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    }

    /**
     * Reads a manifest.
     *
     * @param file the manifest
     * @return what the hub applies of it
     * @throws InvalidManifestException when the file is missing, is not JSON, or lacks or misshapes
     *     a section the hub needs
     */
    public DeploymentManifest read(Path file) {
        JsonNode root = parse(file);
        JsonNode modulesContent = root.path("modulesContent");
        if (!modulesContent.isObject()) {
            throw new InvalidManifestException(file, "it has no \"modulesContent\" object");
        }
        JsonNode hubDesired = modulesContent.path(EDGE_HUB).path("properties.desired");
        if (!hubDesired.isObject()) {
            throw new InvalidManifestException(
                    file, "it has no \"modulesContent.$edgeHub.properties.desired\" object");
        }
        return new DeploymentManifest(
                file,
                routes(file, hubDesired.path("routes")),
                timeToLive(file, hubDesired.path("storeAndForwardConfiguration")),
                modules(modulesContent),
                desiredProperties(file, modulesContent));
    }

    private JsonNode parse(Path file) {
        try {
            return json.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new InvalidManifestException(
                    file, "the file does not exist (set hub.manifest to the right path)", e);
        } catch (IOException e) {
            throw new InvalidManifestException(file, "it cannot be read: " + e.getMessage(), e);
        } catch (JacksonException e) {
            Matcher duplicate = DUPLICATE_KEY.matcher(String.valueOf(e.getOriginalMessage()));
            if (duplicate.matches()) {
                throw new InvalidManifestException(
                        file,
                        "it has a duplicate key \""
                                + duplicate.group(1)
                                + "\""
                                + location(e)
                                + ": JSON keeps only one of them, so the other would be ignored without"
                                + " a word (give each route its own name)",
                        e);
            }
            throw new InvalidManifestException(
                    file, "it is not valid JSON: " + e.getOriginalMessage() + location(e), e);
        }
    }

    private static String location(JacksonException e) {
        var where = e.getLocation();
        return where == null
                ? ""
                : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
    }

    private static List<RouteDefinition> routes(Path file, JsonNode routes) {
        if (routes.isMissingNode()) {
            throw new InvalidManifestException(
                    file, "$edgeHub.properties.desired has no \"routes\" object");
        }
        if (!routes.isObject()) {
            throw new InvalidManifestException(
                    file, "\"routes\" must be an object of named routes");
        }
        List<RouteDefinition> definitions = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : routes.properties()) {
            definitions.add(route(file, entry.getKey(), entry.getValue()));
        }
        return definitions;
    }

    private static RouteDefinition route(Path file, String name, JsonNode value) {
        if (value.isString()) {
            return new RouteDefinition(name, value.stringValue(), null, null);
        }
        if (!value.isObject() || !value.path("route").isString()) {
            throw new InvalidManifestException(
                    file,
                    "route '"
                            + name
                            + "' must be a string or an object with a \"route\" string"
                            + " (schema 1.1)");
        }
        return new RouteDefinition(
                name,
                value.path("route").stringValue(),
                optionalInteger(file, name, value, "priority"),
                optionalLong(file, name, value, "timeToLiveSecs"));
    }

    private static Integer optionalInteger(Path file, String route, JsonNode value, String field) {
        Long number = optionalLong(file, route, value, field);
        if (number == null) {
            return null;
        }
        if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
            throw new InvalidManifestException(
                    file, "route '" + route + "': \"" + field + "\" is out of range: " + number);
        }
        return number.intValue();
    }

    private static Long optionalLong(Path file, String route, JsonNode value, String field) {
        JsonNode node = value.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new InvalidManifestException(
                    file,
                    "route '" + route + "': \"" + field + "\" must be a whole number, not " + node);
        }
        return node.longValue();
    }

    private static Duration timeToLive(Path file, JsonNode storeAndForward) {
        JsonNode seconds = storeAndForward.path("timeToLiveSecs");
        if (seconds.isMissingNode()) {
            return DEFAULT_TIME_TO_LIVE;
        }
        if (!seconds.isIntegralNumber() || seconds.longValue() < 0) {
            throw new InvalidManifestException(
                    file,
                    "storeAndForwardConfiguration.timeToLiveSecs must be a whole number of"
                            + " seconds, 0 or more, not "
                            + seconds);
        }
        return Duration.ofSeconds(seconds.longValue());
    }

    /** The modules edgeAgent runs, and any module the manifest gives desired properties. */
    private static Set<String> modules(JsonNode modulesContent) {
        Set<String> modules = new LinkedHashSet<>();
        modulesContent
                .path(EDGE_AGENT)
                .path("properties.desired")
                .path("modules")
                .propertyNames()
                .forEach(modules::add);
        for (String name : modulesContent.propertyNames()) {
            if (!name.startsWith("$")) {
                modules.add(name);
            }
        }
        return modules;
    }

    private static Map<String, ObjectNode> desiredProperties(Path file, JsonNode modulesContent) {
        Map<String, ObjectNode> desired = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> module : modulesContent.properties()) {
            if (module.getKey().startsWith("$")) {
                continue;
            }
            JsonNode properties = module.getValue().path("properties.desired");
            if (properties.isMissingNode()) {
                continue;
            }
            if (!properties.isObject()) {
                throw new InvalidManifestException(
                        file,
                        "modulesContent."
                                + module.getKey()
                                + ".properties.desired must be an object");
            }
            ObjectNode copy = ((ObjectNode) properties).deepCopy();
            copy.remove("$version");
            copy.remove("$metadata");
            desired.put(module.getKey(), copy);
        }
        return desired;
    }
}
