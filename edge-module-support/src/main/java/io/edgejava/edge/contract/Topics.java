package io.edgejava.edge.contract;

import java.util.Optional;

/**
 * Topic names of the hub's MQTT contract.
 *
 * <pre>
 * modules/{module}/outputs/{output}        module publishes; the hub routes it
 * modules/{module}/inputs/{input}          the hub publishes; only {module} subscribes
 * modules/{module}/methods/{method}        direct method request (MQTT v5 response topic + correlation data)
 * modules/{module}/method-responses        responses to calls {module} made; user property "status"
 * modules/{module}/twin/desired            retained desired properties (JSON, with "$version")
 * modules/{module}/twin/reported           module publishes reported patches
 * upstream/{module}/{output}               what routes sent to $upstream
 * </pre>
 *
 * <p>Module ids, output, input and method names are single topic levels: they must not contain
 * {@code /}, {@code +} or {@code #}.
 */
public final class Topics {

    /** First level of every module topic. */
    public static final String MODULES = "modules";

    /** First level of the topics on which the hub records what routes sent to {@code $upstream}. */
    public static final String UPSTREAM = "upstream";

    private static final String OUTPUTS = "outputs";
    private static final String INPUTS = "inputs";
    private static final String METHODS = "methods";
    private static final String METHOD_RESPONSES = "method-responses";
    private static final String TWIN = "twin";
    private static final String DESIRED = "desired";
    private static final String REPORTED = "reported";

    private Topics() {}

    /**
     * The topic a module publishes to for one of its outputs.
     *
     * @param module the publishing module's id
     * @param output the output name
     * @return {@code modules/{module}/outputs/{output}}
     */
    public static String output(String module, String output) {
        return join(MODULES, level(module), OUTPUTS, level(output));
    }

    /**
     * The topic on which the hub delivers messages routed to one input of a module.
     *
     * @param module the receiving module's id
     * @param input the input name
     * @return {@code modules/{module}/inputs/{input}}
     */
    public static String input(String module, String input) {
        return join(MODULES, level(module), INPUTS, level(input));
    }

    /**
     * The filter that matches every input of a module.
     *
     * @param module the receiving module's id
     * @return {@code modules/{module}/inputs/+}
     */
    public static String allInputs(String module) {
        return join(MODULES, level(module), INPUTS, "+");
    }

    /**
     * The topic a caller publishes a direct method request to.
     *
     * @param module the target module's id
     * @param method the method name
     * @return {@code modules/{module}/methods/{method}}
     */
    public static String method(String module, String method) {
        return join(MODULES, level(module), METHODS, level(method));
    }

    /**
     * The filter on which a module receives the direct method requests addressed to it.
     *
     * @param module the target module's id
     * @return {@code modules/{module}/methods/+}
     */
    public static String allMethods(String module) {
        return join(MODULES, level(module), METHODS, "+");
    }

    /**
     * The topic on which a module receives the responses to the calls it made. Callers put it in
     * the MQTT v5 response topic of each request.
     *
     * @param module the calling module's id
     * @return {@code modules/{module}/method-responses}
     */
    public static String methodResponses(String module) {
        return join(MODULES, level(module), METHOD_RESPONSES);
    }

    /**
     * The retained topic that holds a module's desired properties.
     *
     * @param module the module's id
     * @return {@code modules/{module}/twin/desired}
     */
    public static String twinDesired(String module) {
        return join(MODULES, level(module), TWIN, DESIRED);
    }

    /**
     * The topic a module publishes its reported property patches to.
     *
     * @param module the module's id
     * @return {@code modules/{module}/twin/reported}
     */
    public static String twinReported(String module) {
        return join(MODULES, level(module), TWIN, REPORTED);
    }

    /**
     * The topic on which the hub records a message that a route sent to {@code $upstream}.
     *
     * @param module the module that sent the message
     * @param output the output it was sent on
     * @return {@code upstream/{module}/{output}}
     */
    public static String upstream(String module, String output) {
        return join(UPSTREAM, level(module), level(output));
    }

    /**
     * Reads a topic of the contract back into its parts.
     *
     * @param topic an MQTT topic name (not a filter)
     * @return the parsed topic, or empty when the topic is not part of the module contract
     */
    public static Optional<ModuleTopic> parse(String topic) {
        String[] levels = topic.split("/", -1);
        if (levels.length < 3 || !MODULES.equals(levels[0]) || levels[1].isEmpty()) {
            return Optional.empty();
        }
        String module = levels[1];
        if (levels.length == 3) {
            return METHOD_RESPONSES.equals(levels[2])
                    ? Optional.of(new ModuleTopic(module, ModuleTopic.Kind.METHOD_RESPONSES, null))
                    : Optional.empty();
        }
        if (levels.length != 4 || levels[3].isEmpty()) {
            return Optional.empty();
        }
        String name = levels[3];
        return switch (levels[2]) {
            case OUTPUTS -> Optional.of(new ModuleTopic(module, ModuleTopic.Kind.OUTPUT, name));
            case INPUTS -> Optional.of(new ModuleTopic(module, ModuleTopic.Kind.INPUT, name));
            case METHODS -> Optional.of(new ModuleTopic(module, ModuleTopic.Kind.METHOD, name));
            case TWIN ->
                    switch (name) {
                        case DESIRED ->
                                Optional.of(
                                        new ModuleTopic(
                                                module, ModuleTopic.Kind.TWIN_DESIRED, null));
                        case REPORTED ->
                                Optional.of(
                                        new ModuleTopic(
                                                module, ModuleTopic.Kind.TWIN_REPORTED, null));
                        default -> Optional.empty();
                    };
            default -> Optional.empty();
        };
    }

    private static String level(String name) {
        if (name == null
                || name.isEmpty()
                || name.indexOf('/') >= 0
                || name.indexOf('+') >= 0
                || name.indexOf('#') >= 0) {
            throw new IllegalArgumentException(
                    "'" + name + "' cannot be a topic level: it must be non-empty, without / + #");
        }
        return name;
    }

    private static String join(String... levels) {
        return String.join("/", levels);
    }
}
