package io.edgejava.sensor.control;

import io.edgejava.edge.EdgeJson;
import io.edgejava.edge.InvalidMessageException;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A command on input {@code control}, as SimulatedTemperatureSensor takes them: {@code
 * {"command":"reset"}} (the name in any case). Anything else is refused with the reason, so that it
 * goes to the dead-letter output rather than vanishing.
 */
enum ControlCommand {

    /** Cool the machine back to the start of its temperature ramp. */
    RESET;

    private static final String FIELD = "command";

    /**
     * @param body the message body, UTF-8 JSON
     * @param json the mapper to read it with
     * @return the command
     * @throws InvalidMessageException when the body is not UTF-8 JSON, not an object with a string
     *     {@code command}, or names no known command
     */
    static ControlCommand parse(byte[] body, JsonMapper json) {
        JsonNode tree;
        try {
            tree = json.readTree(EdgeJson.utf8Text(body, "the control message"));
        } catch (JacksonException e) {
            throw new InvalidMessageException(
                    "the control message is not JSON: " + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidMessageException(
                    "the control message must be a JSON object such as {\"command\":\"reset\"}");
        }
        JsonNode command = tree.get(FIELD);
        if (command == null || !command.isString()) {
            throw new InvalidMessageException(
                    "the control message has no string field 'command'; expected"
                            + " {\"command\":\"reset\"}");
        }
        String name = command.asString();
        for (ControlCommand known : values()) {
            if (known.name().equalsIgnoreCase(name)) {
                return known;
            }
        }
        throw new InvalidMessageException(
                "unknown control command '"
                        + name
                        + "'; the sensor knows only '"
                        + RESET.name().toLowerCase(Locale.ROOT)
                        + "'");
    }
}
