package io.edgejava.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the IoT Edge tooling takes from a module folder's {@code module.json}: where its image is
 * pushed, the image version, and the platforms it is built for.
 *
 * @param folder the module folder's name, as {@code ${MODULES.<folder>}} writes it
 * @param repository {@code image.repository}, such as {@code localhost:5000/sensor-module}
 * @param version {@code image.tag.version}
 * @param platforms the keys of {@code image.tag.platforms}, such as {@code amd64} and {@code
 *     amd64.debug}
 */
record ModuleDescription(String folder, String repository, String version, List<String> platforms) {

    ModuleDescription {
        platforms = List.copyOf(platforms);
    }

    /**
     * Reads {@code <folder>/module.json}.
     *
     * @param modules the folder that holds the module folders (the template's folder)
     * @param folder the module folder's name
     * @param json the JSON reader
     * @return what the file says
     * @throws InvalidInputException when the folder has no module.json, it is not JSON, or a field
     *     the image name needs is missing
     */
    static ModuleDescription read(Path modules, String folder, JsonMapper json) {
        Path file = modules.resolve(folder).resolve("module.json");
        JsonNode root;
        try {
            root = json.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(
                    "module folder '" + folder + "' has no module.json (looked for " + file + ")");
        } catch (IOException e) {
            throw new InvalidInputException(file + " cannot be read: " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw new InvalidInputException(file + " is not JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode image = root.path("image");
        String repository = text(file, image.path("repository"), "image.repository");
        String version = text(file, image.path("tag").path("version"), "image.tag.version");
        JsonNode platforms = image.path("tag").path("platforms");
        if (!platforms.isObject() || platforms.isEmpty()) {
            throw new InvalidInputException(
                    file + " has no image.tag.platforms (such as \"amd64\": \"Dockerfile\")");
        }
        return new ModuleDescription(
                folder, repository, version, new ArrayList<>(platforms.propertyNames()));
    }

    private static String text(Path file, JsonNode node, String field) {
        if (!node.isString() || node.asString().isBlank()) {
            throw new InvalidInputException(file + " has no " + field);
        }
        return node.asString();
    }

    /**
     * The image name, as iotedgedev writes it: {@code <repository>:<version>-<platform>}, the
     * repository in lower case (Docker refuses upper case there).
     *
     * @param platform a platform this module is built for
     * @param registry the registry to use instead of the one in {@code image.repository}, or {@code
     *     null}
     * @param tag the version to use instead of {@code image.tag.version}, or {@code null}
     * @return the image name
     * @throws InvalidInputException when the module is not built for that platform
     */
    String image(String platform, String registry, String tag) {
        if (!platforms.contains(platform)) {
            throw new InvalidInputException(
                    "unknown platform '"
                            + platform
                            + "' for module folder '"
                            + folder
                            + "': its module.json lists "
                            + String.join(", ", platforms));
        }
        String name = registry == null ? repository : inRegistry(repository, registry);
        return name.toLowerCase(Locale.ROOT) + ":" + (tag == null ? version : tag) + "-" + platform;
    }

    /**
     * Puts a repository in another registry. Docker takes the first part of a name as a registry
     * only when it has a dot or a colon or is {@code localhost}; otherwise the name has no
     * registry, and the new one goes in front.
     */
    static String inRegistry(String repository, String registry) {
        String host =
                registry.endsWith("/") ? registry.substring(0, registry.length() - 1) : registry;
        int slash = repository.indexOf('/');
        if (slash > 0) {
            String first = repository.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                return host + repository.substring(slash);
            }
        }
        return host + "/" + repository;
    }
}
