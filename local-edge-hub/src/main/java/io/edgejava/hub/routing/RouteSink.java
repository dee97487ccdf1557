package io.edgejava.hub.routing;

import java.util.Objects;

/**
 * Where a route sends messages: the {@code INTO} part.
 *
 * <p>Routes write {@code BrokeredEndpoint("/modules/{module}/inputs/{input}")} (single quotes work
 * too) for a module input and {@code $upstream} for IoT Hub. Both names match in any letter case,
 * as in edgeHub. Sinks are values: two routes into the same input have equal sinks.
 */
public sealed interface RouteSink {

    /**
     * An input of a module: {@code BrokeredEndpoint("/modules/{module}/inputs/{input}")}.
     *
     * @param module the receiving module's id, as written (module ids are case-sensitive)
     * @param input the input name
     */
    record ModuleInput(String module, String input) implements RouteSink {

        /**
         * Checks both names can be MQTT topic levels.
         *
         * @throws IllegalArgumentException if a name is empty or contains {@code / + #} or
         *     whitespace
         * @throws NullPointerException if a name is {@code null}
         */
        public ModuleInput {
            requireTopicLevel(module, "module");
            requireTopicLevel(input, "input");
        }

        /** The sink as a route writes it. */
        @Override
        public String toString() {
            return "BrokeredEndpoint(\"/modules/" + module + "/inputs/" + input + "\")";
        }

        /**
         * Why a module id or input name cannot be used, or {@code null} if it can.
         *
         * @param name the name to check
         * @return the problem, or {@code null}
         */
        static String problemWith(String name) {
            if (name.isEmpty()) {
                return "is empty";
            }
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c == '/' || c == '+' || c == '#') {
                    return "contains '" + c + "', which an MQTT topic level cannot";
                }
                if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                    return "contains whitespace";
                }
            }
            return null;
        }

        private static void requireTopicLevel(String name, String what) {
            Objects.requireNonNull(name, what);
            String problem = problemWith(name);
            if (problem != null) {
                throw new IllegalArgumentException(what + " '" + name + "' " + problem);
            }
        }
    }

    /** IoT Hub, written {@code $upstream}. local-edge-hub records what is sent there. */
    record Upstream() implements RouteSink {

        /** The sink as a route writes it. */
        @Override
        public String toString() {
            return "$upstream";
        }
    }
}
