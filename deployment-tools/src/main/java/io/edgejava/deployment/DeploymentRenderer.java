package io.edgejava.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a deployment template into the deployment manifest of one platform, the way iotedgedev's
 * {@code genconfig} does:
 *
 * <ol>
 *   <li>{@code ${MODULES.<folder>}} becomes the image of that module folder for the platform,
 *       {@code ${MODULES.<folder>.debug}} its debug image, {@code ${MODULES.<folder>.<platform>}}
 *       the image for that platform (see {@link ModuleDescription#image});
 *   <li>{@code $VAR} and {@code ${VAR}} become their values (see {@link Variables});
 *   <li>every module's {@code createOptions} becomes a string, in chunks (see {@link
 *       CreateOptions});
 *   <li>{@code $schema-template}, which only the tooling reads, is left out.
 * </ol>
 *
 * Placeholders and variables are replaced in string values only, never in names, and what replaces
 * them is not read again.
 */
final class DeploymentRenderer {

    private static final Pattern PLACEHOLDER =
            Pattern.compile(
                    "\\$\\{MODULES\\.([^.}]+)(?:\\.([^}]+))?}"
                            + "|\\$\\{("
                            + Variables.NAME
                            + ")}"
                            + "|\\$("
                            + Variables.NAME
                            + ")");

    private static final String DEBUG = "debug";

    private final JsonMapper json;
    private final ObjectWriter pretty;

    DeploymentRenderer() {
        // A name twice in one object would make one of them vanish without a word.
        this.json =
                JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        // Indented as JSON files are usually written ("name": value), so that diffs read well.
        this.pretty =
                json.writer()
                        .with(
                                new DefaultPrettyPrinter(
                                        Separators.createDefaultInstance()
                                                .withObjectNameValueSpacing(
                                                        Separators.Spacing.AFTER)));
    }

    /**
     * Renders a template.
     *
     * @param request what to render
     * @param variables the values of the template's variables
     * @return the deployment manifest
     * @throws InvalidInputException when the template is missing or not a JSON object with {@code
     *     modulesContent}, a module folder has no usable module.json, the platform is not one a
     *     module is built for, a variable is unknown, or createOptions are too long
     */
    ObjectNode render(RenderRequest request, Variables variables) {
        ObjectNode manifest = readTemplate(request.template());
        Path modules = request.template().toAbsolutePath().getParent();
        Map<String, ModuleDescription> described = new HashMap<>();
        Expansion expansion =
                (text, where) -> expand(text, where, request, variables, modules, described);
        expandStrings(manifest, "", expansion);
        manifest.remove("$schema-template");
        stringifyCreateOptions(manifest);
        return manifest;
    }

    /**
     * Renders a template and writes the manifest to {@link RenderRequest#manifest()}.
     *
     * @return the file written
     */
    Path write(RenderRequest request, Variables variables) {
        ObjectNode manifest = render(request, variables);
        Path file = request.manifest();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            // The same bytes on every operating system.
            Files.writeString(file, pretty.writeValueAsString(manifest) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    private ObjectNode readTemplate(Path template) {
        JsonNode root;
        try {
            root = json.readTree(Files.readString(template));
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("template " + template + " does not exist");
        } catch (IOException e) {
            throw new InvalidInputException(
                    "template " + template + " cannot be read: " + e.getMessage(), e);
        } catch (JacksonException e) {
            var where = e.getLocation();
            throw new InvalidInputException(
                    "template "
                            + template
                            + " is not JSON: "
                            + e.getOriginalMessage()
                            + (where == null
                                    ? ""
                                    : " (line "
                                            + where.getLineNr()
                                            + ", column "
                                            + where.getColumnNr()
                                            + ")"),
                    e);
        }
        if (!(root instanceof ObjectNode object) || !root.path("modulesContent").isObject()) {
            throw new InvalidInputException(
                    "template "
                            + template
                            + " is not a deployment: it has no modulesContent object");
        }
        return object;
    }

    /** Replaces placeholders in one string value found at a path of the template. */
    private interface Expansion {
        String apply(String text, String where);
    }

    private static JsonNode expandStrings(JsonNode node, String path, Expansion expansion) {
        if (node.isString()) {
            return node.asString().indexOf('$') < 0
                    ? node
                    : JsonNodeFactory.instance.stringNode(expansion.apply(node.asString(), path));
        }
        if (node instanceof ObjectNode object) {
            for (String name : new ArrayList<>(object.propertyNames())) {
                object.set(
                        name,
                        expandStrings(
                                object.get(name),
                                path.isEmpty() ? name : path + "." + name,
                                expansion));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, expandStrings(array.get(i), path + "[" + i + "]", expansion));
            }
        }
        return node;
    }

    private String expand(
            String text,
            String where,
            RenderRequest request,
            Variables variables,
            Path modules,
            Map<String, ModuleDescription> described) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String replacement;
            if (matcher.group(1) != null) {
                ModuleDescription module =
                        described.computeIfAbsent(
                                matcher.group(1), folder -> describe(modules, folder, variables));
                replacement =
                        module.image(
                                platform(request.platform(), matcher.group(2)),
                                request.registry(),
                                request.tag());
            } else {
                String name = matcher.group(3) != null ? matcher.group(3) : matcher.group(4);
                replacement = variables.value(name, where);
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private ModuleDescription describe(Path modules, String folder, Variables variables) {
        ModuleDescription module = ModuleDescription.read(modules, folder, json);
        // iotedgedev reads the repository through the variables too
        // (${CONTAINER_REGISTRY_SERVER}/x).
        String repository =
                expandVariablesOnly(
                        module.repository(), folder + "/module.json image.repository", variables);
        return new ModuleDescription(folder, repository, module.version(), module.platforms());
    }

    private static String expandVariablesOnly(String text, String where, Variables variables) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(3) != null ? matcher.group(3) : matcher.group(4);
            String replacement = name == null ? matcher.group() : variables.value(name, where);
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /** The platform a placeholder asks for: the requested one, its debug variant, or its own. */
    private static String platform(String requested, String suffix) {
        if (suffix == null) {
            return requested;
        }
        return suffix.equals(DEBUG) ? requested + "." + DEBUG : suffix;
    }

    private void stringifyCreateOptions(ObjectNode manifest) {
        JsonNode agent =
                manifest.path("modulesContent").path("$edgeAgent").path("properties.desired");
        for (String section : new String[] {"systemModules", "modules"}) {
            for (Map.Entry<String, JsonNode> module : agent.path(section).properties()) {
                if (module.getValue().path("settings") instanceof ObjectNode settings) {
                    CreateOptions.stringify(settings, module.getKey(), json);
                }
            }
        }
    }
}
