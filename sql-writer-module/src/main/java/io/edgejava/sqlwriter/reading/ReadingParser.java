package io.edgejava.sqlwriter.reading;

import io.edgejava.edge.InvalidMessageException;
import io.edgejava.sqlwriter.Utf8Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a reading's body, field by field, so that a wrong one is refused with what exactly is wrong
 * (a generic "cannot deserialize" would not tell an operator which field). Fields the writer does
 * not store are ignored, so the sensor may add some.
 */
final class ReadingParser {

    private final JsonMapper json;

    ReadingParser(JsonMapper json) {
        this.json = json;
    }

    /**
     * @param body a reading, JSON
     * @return it
     * @throws InvalidMessageException naming what is wrong with the body
     */
    Reading parse(byte[] body) {
        JsonNode reading;
        try {
            reading = json.readTree(Utf8Json.text(body, "the body"));
        } catch (JacksonException e) {
            throw new InvalidMessageException("the body is not JSON: " + e.getOriginalMessage(), e);
        }
        if (reading == null || reading.isMissingNode()) {
            throw new InvalidMessageException("the body is empty, not a JSON reading");
        }
        if (!reading.isObject()) {
            throw new InvalidMessageException(
                    "the body is not a JSON object but " + describe(reading));
        }
        return new Reading(
                finite(reading, "machine", "temperature"),
                finite(reading, "machine", "pressure"),
                finite(reading, "ambient", "temperature"),
                integer(reading, "ambient", "humidity"),
                instant(reading, "timeCreated"));
    }

    private static JsonNode field(JsonNode reading, String object, String name) {
        JsonNode parent = reading.path(object);
        if (parent.isMissingNode() || parent.isNull()) {
            throw new InvalidMessageException(object + " is missing");
        }
        if (!parent.isObject()) {
            throw new InvalidMessageException(
                    object + " is not a JSON object but " + describe(parent));
        }
        JsonNode value = parent.path(name);
        if (value.isMissingNode() || value.isNull()) {
            throw new InvalidMessageException(object + "." + name + " is missing");
        }
        if (!value.isNumber()) {
            throw new InvalidMessageException(
                    object + "." + name + " is not a number but " + describe(value));
        }
        return value;
    }

    private static double finite(JsonNode reading, String object, String name) {
        JsonNode value = field(reading, object, name);
        // Number's conversion: the node's throws for an integer beyond a double's range.
        double number = value.numberValue().doubleValue();
        if (!Double.isFinite(number)) {
            throw new InvalidMessageException(
                    object + "." + name + " is not a finite number: " + value);
        }
        return number;
    }

    private static int integer(JsonNode reading, String object, String name) {
        JsonNode value = field(reading, object, name);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new InvalidMessageException(
                    object + "." + name + " is not a whole number of % but " + value);
        }
        return value.asInt();
    }

    private static Instant instant(JsonNode reading, String name) {
        JsonNode value = reading.path(name);
        if (value.isMissingNode() || value.isNull()) {
            throw new InvalidMessageException(name + " is missing");
        }
        if (!value.isString()) {
            throw new InvalidMessageException(
                    name + " is not an ISO-8601 instant but " + describe(value));
        }
        try {
            return Instant.parse(value.asString());
        } catch (DateTimeParseException e) {
            throw new InvalidMessageException(
                    name + " is not an ISO-8601 instant: \"" + shown(value.asString()) + "\"", e);
        }
    }

    /**
     * The start of a text, for a reason a person reads. (edge-module-support also cuts and cleans
     * every dead-letter reason, so that one quoting a huge or NUL-bearing value can still be sent.)
     */
    static String shown(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 60
                ? printable.substring(0, 60) + "... (" + printable.length() + " characters)"
                : printable;
    }

    static String describe(JsonNode node) {
        String text = node.toString();
        String shown = text.length() > 60 ? text.substring(0, 60) + "..." : text;
        return node.getNodeType().toString().toLowerCase(Locale.ROOT) + " " + shown;
    }
}
