package io.edgejava.deployment;

import java.nio.file.Path;
import java.util.List;

/**
 * What to render, from the command line.
 *
 * @param platform the platform the images are for, as {@code module.json} names it ({@code amd64},
 *     {@code arm64v8})
 * @param registry the registry to take the images from instead of the one in each {@code
 *     module.json}, or {@code null}
 * @param tag the image version to use instead of each {@code module.json}'s, or {@code null}
 * @param envFile the file with the variables
 * @param envFileRequired whether the env file was named on the command line, so that its absence is
 *     an error rather than "use the environment only"
 * @param template the deployment template
 * @param out the folder the manifest is written to
 */
record RenderRequest(
        String platform,
        String registry,
        String tag,
        Path envFile,
        boolean envFileRequired,
        Path template,
        Path out) {

    static final String USAGE =
            "usage: java -jar deployment-tools-exec.jar --platform amd64|arm64v8"
                    + " [--registry myregistry.azurecr.io] [--tag 1.2.3] [--env .env]"
                    + " [--template deployment.template.json] [--out config]";

    /**
     * @param args the command line
     * @return the request, with defaults for what the command line leaves out
     * @throws InvalidInputException for an unknown option, an option without its value, or no
     *     platform
     */
    static RenderRequest parse(List<String> args) {
        String platform = null;
        String registry = null;
        String tag = null;
        Path envFile = Path.of(".env");
        boolean envFileRequired = false;
        Path template = Path.of("deployment.template.json");
        Path out = Path.of("config");
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (!option.startsWith("--")) {
                throw new InvalidInputException("unexpected argument '" + option + "'");
            }
            if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                throw new InvalidInputException(option + " needs a value");
            }
            String value = args.get(++i);
            switch (option) {
                case "--platform" -> platform = value;
                case "--registry" -> registry = value;
                case "--tag" -> tag = value;
                case "--env" -> {
                    envFile = Path.of(value);
                    envFileRequired = true;
                }
                case "--template" -> template = Path.of(value);
                case "--out" -> out = Path.of(value);
                default -> throw new InvalidInputException("unknown option " + option);
            }
        }
        if (platform == null || platform.isBlank()) {
            throw new InvalidInputException("--platform is required (amd64 or arm64v8)");
        }
        return new RenderRequest(platform, registry, tag, envFile, envFileRequired, template, out);
    }

    /**
     * @return where the manifest goes: {@code <out>/deployment.<platform>.json}
     */
    Path manifest() {
        return out.resolve("deployment." + platform + ".json");
    }

    /**
     * @param registry the registry to take the images from, or {@code null} for each {@code
     *     module.json}'s
     * @return this request with that registry
     */
    RenderRequest withRegistry(String registry) {
        return new RenderRequest(platform, registry, tag, envFile, envFileRequired, template, out);
    }
}
