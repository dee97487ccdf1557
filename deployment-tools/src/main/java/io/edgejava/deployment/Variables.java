package io.edgejava.deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The values of the template's {@code $VAR} and {@code ${VAR}}: first the env file, then the
 * process environment.
 *
 * <p>Only names in upper case are variables, the way {@code .env} names are written. That keeps
 * what IoT Edge itself writes with a {@code $} as it is: {@code $upstream} and {@code $body.x} in
 * routes, {@code $edgeAgent} and {@code $edgeHub}.
 */
final class Variables {

    /** A variable name, as the template and the env file write it. */
    static final String NAME = "[A-Z_][A-Z0-9_]*";

    private static final Pattern ENV_FILE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Map<String, String> fromFile;
    private final Map<String, String> environment;
    private final String fileName;

    private Variables(Map<String, String> fromFile, Map<String, String> environment, Path file) {
        this(fromFile, environment, file == null ? "the env file" : file.toString());
    }

    private Variables(
            Map<String, String> fromFile, Map<String, String> environment, String fileName) {
        this.fromFile = Map.copyOf(fromFile);
        this.environment = Map.copyOf(environment);
        this.fileName = fileName;
    }

    /**
     * @param environment the process environment
     * @return variables from the environment only
     */
    static Variables of(Map<String, String> environment) {
        return new Variables(Map.of(), environment, (Path) null);
    }

    /**
     * Reads an env file: {@code NAME=value} lines, {@code #} comments, blank lines, an optional
     * {@code export } before the name, a value in single or double quotes taken as written, and an
     * unquoted value ending at {@code " #"}.
     *
     * @param file the env file
     * @param required whether a missing file is an error; when not, the environment alone is used
     * @param environment the process environment
     * @return the variables
     * @throws InvalidInputException when the file is required and missing, or a line is not {@code
     *     NAME=value}
     */
    static Variables load(Path file, boolean required, Map<String, String> environment) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            if (required) {
                throw new InvalidInputException("env file " + file + " does not exist");
            }
            return new Variables(Map.of(), environment, file);
        } catch (IOException e) {
            throw new InvalidInputException(
                    "env file " + file + " cannot be read: " + e.getMessage(), e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int equals = line.indexOf('=');
            String name = equals < 0 ? line : line.substring(0, equals).strip();
            if (equals < 0 || !ENV_FILE_NAME.matcher(name).matches()) {
                throw new InvalidInputException(
                        "line " + number + " of " + file + " is not NAME=value: " + line);
            }
            values.put(name, value(line.substring(equals + 1).strip()));
        }
        return new Variables(values, environment, file);
    }

    private static String value(String raw) {
        if (raw.length() >= 2
                && (raw.startsWith("\"") && raw.endsWith("\"")
                        || raw.startsWith("'") && raw.endsWith("'"))) {
            return raw.substring(1, raw.length() - 1);
        }
        int comment = raw.indexOf(" #");
        return comment < 0 ? raw : raw.substring(0, comment).strip();
    }

    /**
     * @param name a variable name
     * @param value its value, which takes precedence over the env file and the environment
     * @return these variables with that one set
     */
    Variables with(String name, String value) {
        Map<String, String> values = new LinkedHashMap<>(fromFile);
        values.put(name, value);
        return new Variables(values, environment, fileName);
    }

    /**
     * @param name a variable name
     * @return its value, from the env file if it has it, else from the environment; empty when
     *     neither has it
     */
    Optional<String> find(String name) {
        return Optional.ofNullable(fromFile.getOrDefault(name, environment.get(name)));
    }

    /**
     * @param name a variable name
     * @param where where the template uses it, for the error message
     * @return its value, from the env file if it has it, else from the environment
     * @throws InvalidInputException when neither has it
     */
    String value(String name, String where) {
        String value = fromFile.get(name);
        if (value == null) {
            value = environment.get(name);
        }
        if (value == null) {
            throw new InvalidInputException(
                    "unknown variable $"
                            + name
                            + " in "
                            + where
                            + ": set it in "
                            + fileName
                            + " or in the environment");
        }
        return value;
    }
}
