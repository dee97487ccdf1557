package io.edgejava.hub.routing;

import java.util.List;
import java.util.Objects;

/**
 * Which messages a route takes: the {@code FROM} part.
 *
 * <p>Module ids and output names match in any letter case, because edgeHub compares sources
 * ignoring case.
 *
 * @param kind which of the six source forms
 * @param moduleId the module for {@link Kind#MODULE}, {@link Kind#MODULE_OUTPUTS} and {@link
 *     Kind#MODULE_OUTPUT}; otherwise {@code null}
 * @param outputName the output for {@link Kind#MODULE_OUTPUT}; otherwise {@code null}
 */
public record RouteSource(Kind kind, String moduleId, String outputName) {

    /** The source forms of edgeHub routes, for messages from modules. */
    public enum Kind {
        /** {@code /*}: every message. */
        ALL,
        /** {@code /messages/*}: every message from a module or leaf device. */
        MESSAGES,
        /** {@code /messages/modules/*}: every message from a module. */
        MODULES,
        /** {@code /messages/modules/{module}/*}: every message from one module. */
        MODULE,
        /** {@code /messages/modules/{module}/outputs/*}: messages a module sends on any output. */
        MODULE_OUTPUTS,
        /** {@code /messages/modules/{module}/outputs/{output}}: one output of one module. */
        MODULE_OUTPUT
    }

    /**
     * Checks the names fit the kind.
     *
     * @throws IllegalArgumentException if a name is missing for the kind, given where the kind has
     *     none, or empty
     * @throws NullPointerException if {@code kind} is {@code null}
     */
    public RouteSource {
        Objects.requireNonNull(kind, "kind");
        boolean needsModule =
                kind == Kind.MODULE || kind == Kind.MODULE_OUTPUTS || kind == Kind.MODULE_OUTPUT;
        boolean needsOutput = kind == Kind.MODULE_OUTPUT;
        requireName(moduleId, needsModule, kind, "module id");
        requireName(outputName, needsOutput, kind, "output name");
    }

    /**
     * The source of every message.
     *
     * @return {@code /*}
     */
    public static RouteSource all() {
        return new RouteSource(Kind.ALL, null, null);
    }

    /**
     * The source of every message from a module or leaf device.
     *
     * @return {@code /messages/*}
     */
    public static RouteSource allMessages() {
        return new RouteSource(Kind.MESSAGES, null, null);
    }

    /**
     * The source of every message from a module.
     *
     * @return {@code /messages/modules/*}
     */
    public static RouteSource allModules() {
        return new RouteSource(Kind.MODULES, null, null);
    }

    /**
     * The source of every message from one module.
     *
     * @param moduleId the module
     * @return {@code /messages/modules/{moduleId}/*}
     */
    public static RouteSource module(String moduleId) {
        return new RouteSource(Kind.MODULE, moduleId, null);
    }

    /**
     * The source of messages one module sends on any output.
     *
     * @param moduleId the module
     * @return {@code /messages/modules/{moduleId}/outputs/*}
     */
    public static RouteSource moduleOutputs(String moduleId) {
        return new RouteSource(Kind.MODULE_OUTPUTS, moduleId, null);
    }

    /**
     * The source of messages one module sends on one output.
     *
     * @param moduleId the module
     * @param outputName the output
     * @return {@code /messages/modules/{moduleId}/outputs/{outputName}}
     */
    public static RouteSource moduleOutput(String moduleId, String outputName) {
        return new RouteSource(Kind.MODULE_OUTPUT, moduleId, outputName);
    }

    /**
     * Whether a message a module sent is one this source takes.
     *
     * @param moduleId the sending module
     * @param outputName the output it was sent on, or {@code null} if none
     * @return whether the route applies to it (before its condition)
     */
    public boolean matches(String moduleId, String outputName) {
        Objects.requireNonNull(moduleId, "moduleId");
        return switch (kind) {
            case ALL, MESSAGES, MODULES -> true;
            case MODULE -> this.moduleId.equalsIgnoreCase(moduleId);
            case MODULE_OUTPUTS -> this.moduleId.equalsIgnoreCase(moduleId) && outputName != null;
            case MODULE_OUTPUT ->
                    this.moduleId.equalsIgnoreCase(moduleId)
                            && this.outputName.equalsIgnoreCase(outputName);
        };
    }

    /**
     * The source as a route writes it.
     *
     * @return for example {@code /messages/modules/m/outputs/*}
     */
    public String path() {
        return switch (kind) {
            case ALL -> "/*";
            case MESSAGES -> "/messages/*";
            case MODULES -> "/messages/modules/*";
            case MODULE -> "/messages/modules/" + moduleId + "/*";
            case MODULE_OUTPUTS -> "/messages/modules/" + moduleId + "/outputs/*";
            case MODULE_OUTPUT -> "/messages/modules/" + moduleId + "/outputs/" + outputName;
        };
    }

    @Override
    public String toString() {
        return path();
    }

    /**
     * Reads the segments of a source path, such as {@code [messages, modules, m, *]}.
     *
     * @param segments the path's segments between slashes
     * @return the source, or {@code null} when the path is none of the six forms
     */
    static RouteSource fromSegments(List<String> segments) {
        int n = segments.size();
        if (n == 1 && isWildcard(segments.get(0))) {
            return all();
        }
        if (n < 2 || !segments.get(0).equalsIgnoreCase("messages")) {
            return null;
        }
        if (n == 2) {
            return isWildcard(segments.get(1)) ? allMessages() : null;
        }
        if (!segments.get(1).equalsIgnoreCase("modules")) {
            return null;
        }
        if (n == 3) {
            return isWildcard(segments.get(2)) ? allModules() : null;
        }
        String module = segments.get(2);
        if (!isName(module)) {
            return null;
        }
        if (n == 4) {
            return isWildcard(segments.get(3)) ? module(module) : null;
        }
        if (n != 5 || !segments.get(3).equalsIgnoreCase("outputs")) {
            return null;
        }
        String output = segments.get(4);
        if (isWildcard(output)) {
            return moduleOutputs(module);
        }
        return isName(output) ? moduleOutput(module, output) : null;
    }

    private static boolean isWildcard(String segment) {
        return segment.equals("*");
    }

    // edgeHub trims a trailing '*' off any source, so "m*" would silently mean "m"; a name here
    // may not contain '*' at all.
    private static boolean isName(String segment) {
        return !segment.isEmpty() && segment.indexOf('*') < 0;
    }

    private static void requireName(String name, boolean needed, Kind kind, String what) {
        if (needed && (name == null || name.isEmpty())) {
            throw new IllegalArgumentException(kind + " needs a " + what);
        }
        if (!needed && name != null) {
            throw new IllegalArgumentException(kind + " has no " + what + ", got '" + name + "'");
        }
    }
}
