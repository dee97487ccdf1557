package io.edgejava.hub.routing;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a message body for {@code $body} queries, with edgeHub's rules.
 *
 * <p>A body can be queried only when the message's content type is {@code application/json} (any
 * letter case, nothing appended: {@code application/json; charset=utf-8} does not qualify) and its
 * content encoding is {@code utf-8}, {@code utf-16} or {@code utf-32} (any letter case). The body
 * must be a JSON object. Otherwise every {@code $body} query is undefined.
 *
 * <p>edgeHub decodes UTF-16 and UTF-32 as .NET's {@code Encoding.Unicode} and {@code
 * Encoding.UTF32} do, little-endian. A byte order mark, which Java writers put first, is honoured
 * here and skipped, so a body written by Java's {@code "UTF-16"} charset reads correctly too.
 *
 * <p>edgeHub parses with Json.NET, which is lenient, so the parser here accepts comments, single
 * quotes, unquoted field names, trailing commas and {@code NaN}/{@code Infinity} as well.
 */
final class JsonBody {

    private static final String JSON_CONTENT_TYPE = "application/json";

    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

    private static final JsonMapper MAPPER =
            JsonMapper.builder()
                    .enable(
                            JsonReadFeature.ALLOW_JAVA_COMMENTS,
                            JsonReadFeature.ALLOW_SINGLE_QUOTES,
                            JsonReadFeature.ALLOW_UNQUOTED_PROPERTY_NAMES,
                            JsonReadFeature.ALLOW_TRAILING_COMMA,
                            JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .build();

    // Json.NET, and so edgeHub, reads strings in these shapes as dates, and a date is not a value
    // a route condition can use: edgeHub's $body query answers undefined for it.
    private static final Pattern ISO_DATE_TIME =
            Pattern.compile(
                    "(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(\\.\\d+)?"
                            + "(Z|[+-]\\d{2}(:?\\d{2})?)?");
    private static final Pattern MICROSOFT_DATE =
            Pattern.compile("/Date\\(-?\\d+([+-]\\d{4})?\\)/");

    private JsonBody() {}

    /**
     * Parses a body if edgeHub would let conditions query it.
     *
     * @param contentType the message's {@code $contentType}, or {@code null}
     * @param contentEncoding the message's {@code $contentEncoding}, or {@code null}
     * @param body the body bytes
     * @return the root object, or {@code null} when the body cannot be queried
     */
    static JsonNode parseQueryableBody(String contentType, String contentEncoding, byte[] body) {
        if (!JSON_CONTENT_TYPE.equalsIgnoreCase(contentType) || contentEncoding == null) {
            return null;
        }
        String json = decode(contentEncoding, body);
        if (json == null) {
            return null;
        }
        try {
            JsonNode root = MAPPER.readTree(json);
            return root != null && root.isObject() ? root : null;
        } catch (JacksonException notJson) {
            return null;
        }
    }

    private static String decode(String encoding, byte[] body) {
        if ("utf-8".equalsIgnoreCase(encoding)) {
            int bom = startsWith(body, 0xEF, 0xBB, 0xBF) ? 3 : 0;
            return new String(body, bom, body.length - bom, StandardCharsets.UTF_8);
        }
        if ("utf-16".equalsIgnoreCase(encoding)) {
            if (startsWith(body, 0xFE, 0xFF)) {
                return new String(body, 2, body.length - 2, StandardCharsets.UTF_16BE);
            }
            int bom = startsWith(body, 0xFF, 0xFE) ? 2 : 0;
            return new String(body, bom, body.length - bom, StandardCharsets.UTF_16LE);
        }
        if ("utf-32".equalsIgnoreCase(encoding)) {
            if (startsWith(body, 0x00, 0x00, 0xFE, 0xFF)) {
                return new String(body, 4, body.length - 4, UTF_32BE);
            }
            int bom = startsWith(body, 0xFF, 0xFE, 0x00, 0x00) ? 4 : 0;
            return new String(body, bom, body.length - bom, UTF_32LE);
        }
        return null;
    }

    private static boolean startsWith(byte[] body, int... prefix) {
        if (body.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((body[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The condition value of a JSON node: objects, arrays and date strings are undefined (edgeHub
     * cannot compare them), numbers are doubles.
     *
     * @param node a node of a parsed body
     * @return its value
     */
    static Value toValue(JsonNode node) {
        if (node.isNull()) {
            return Value.NULL;
        }
        if (node.isBoolean()) {
            return Value.Bool.of(node.booleanValue());
        }
        if (node.isNumber()) {
            // Number's conversion, not the node's: the node throws for an integer beyond double's
            // range, where a number literal that large (1e400) reads as infinity.
            return Value.number(node.numberValue().doubleValue());
        }
        if (node.isString()) {
            String text = node.stringValue();
            return looksLikeDate(text) ? Value.UNDEFINED : new Value.Str(text);
        }
        return Value.UNDEFINED;
    }

    /**
     * Whether Json.NET would have read a JSON string as a date: an ISO 8601 date-time such as
     * {@code 2017-03-09T00:00:00.000Z}, or the old {@code /Date(1489017600000)/} form.
     */
    static boolean looksLikeDate(String text) {
        if (text.length() >= 19 && text.length() <= 40 && Character.isDigit(text.charAt(0))) {
            Matcher iso = ISO_DATE_TIME.matcher(text);
            return iso.matches() && isValidDateTime(iso);
        }
        return text.startsWith("/Date(") && MICROSOFT_DATE.matcher(text).matches();
    }

    private static boolean isValidDateTime(Matcher iso) {
        try {
            LocalDate.of(
                    Integer.parseInt(iso.group(1)),
                    Integer.parseInt(iso.group(2)),
                    Integer.parseInt(iso.group(3)));
        } catch (DateTimeException invalidDate) {
            return false;
        }
        return Integer.parseInt(iso.group(4)) < 24
                && Integer.parseInt(iso.group(5)) < 60
                && Integer.parseInt(iso.group(6)) < 60;
    }
}
