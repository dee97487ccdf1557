package io.edgejava.sqlwriter.batch;

import io.edgejava.edge.InvalidMessageException;
import io.edgejava.sqlwriter.Utf8Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a claim check's body, naming the field that is wrong when it is. */
final class ClaimCheckParser {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final JsonMapper json;

    ClaimCheckParser(JsonMapper json) {
        this.json = json;
    }

    /**
     * @param body a claim check, JSON
     * @return it; the file name is not checked here (see {@link BatchFileName})
     * @throws InvalidMessageException naming what is wrong
     */
    ClaimCheck parse(byte[] body) {
        JsonNode claim;
        try {
            claim = json.readTree(Utf8Json.text(body, "the claim check"));
        } catch (JacksonException e) {
            throw new InvalidMessageException(
                    "the claim check is not JSON: " + e.getOriginalMessage(), e);
        }
        if (claim == null || !claim.isObject()) {
            throw new InvalidMessageException("the claim check is not a JSON object");
        }
        return new ClaimCheck(
                text(claim, "fileName"), rowCount(claim), sha256(claim), timeCreated(claim));
    }

    private static String text(JsonNode claim, String name) {
        JsonNode value = claim.path(name);
        if (value.isMissingNode() || value.isNull()) {
            throw new InvalidMessageException("the claim check has no " + name);
        }
        if (!value.isString()) {
            throw new InvalidMessageException(
                    "the claim check's " + name + " is not a string but " + shown(value));
        }
        return value.asString();
    }

    private static int rowCount(JsonNode claim) {
        JsonNode value = claim.path("rowCount");
        if (value.isMissingNode() || value.isNull()) {
            throw new InvalidMessageException("the claim check has no rowCount");
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 0) {
            throw new InvalidMessageException(
                    "the claim check's rowCount is not a whole number of rows but " + shown(value));
        }
        return value.asInt();
    }

    private static String sha256(JsonNode claim) {
        String sha256 = text(claim, "sha256");
        if (!SHA256.matcher(sha256).matches()) {
            throw new InvalidMessageException(
                    "the claim check's sha256 is not 64 lowercase hex digits: \"" + sha256 + "\"");
        }
        return sha256;
    }

    private static Instant timeCreated(JsonNode claim) {
        String time = text(claim, "timeCreated");
        try {
            return Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new InvalidMessageException(
                    "the claim check's timeCreated is not an ISO-8601 instant: \"" + time + "\"",
                    e);
        }
    }

    /** Only the start of a value, for a reason a person reads. */
    private static String shown(JsonNode value) {
        String text = value.toString();
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }
}
