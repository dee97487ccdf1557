package io.edgejava.edge;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Converts records to JSON hub messages and back.
 *
 * <p>JSON messages carry content type {@code application/json} and encoding {@code utf-8}: without
 * both, edgeHub does not evaluate {@code $body} route conditions on them, and such a route silently
 * matches nothing.
 */
public final class EdgeJson {

    /** The content type of JSON messages. */
    public static final String CONTENT_TYPE = "application/json";

    /** The content encoding of JSON messages. */
    public static final String CONTENT_ENCODING = "utf-8";

    private final JsonMapper json;

    /**
     * @param json the mapper to use
     */
    public EdgeJson(JsonMapper json) {
        this.json = json;
    }

    /**
     * @param body the message body, serialized as JSON
     * @return a message to send to an output
     */
    public Message<byte[]> message(Object body) {
        return message(body, Map.of());
    }

    /**
     * @param body the message body, serialized as JSON
     * @param properties application properties
     * @return a message to send to an output
     */
    public Message<byte[]> message(Object body, Map<String, String> properties) {
        return MessageBuilder.withPayload(json.writeValueAsBytes(body))
                .setHeader(MessageHeaders.CONTENT_TYPE, CONTENT_TYPE)
                .setHeader(EdgeHeaders.CONTENT_ENCODING, CONTENT_ENCODING)
                .setHeader(EdgeHeaders.PROPERTIES, Map.copyOf(properties))
                .build();
    }

    /**
     * Reads a message body.
     *
     * @param message a message from an input
     * @param type what to read it as
     * @return the body
     * @throws InvalidMessageException when the body is not JSON of that shape
     */
    public <T> T read(Message<?> message, Class<T> type) {
        Object payload = message.getPayload();
        try {
            if (payload instanceof byte[] bytes) {
                return json.readValue(bytes, type);
            }
            if (payload instanceof String text) {
                return json.readValue(text, type);
            }
            return json.convertValue(payload, type);
        } catch (JacksonException e) {
            throw new InvalidMessageException(
                    "the body is not JSON of the shape of "
                            + type.getSimpleName()
                            + ": "
                            + e.getOriginalMessage(),
                    e);
        }
    }

    /**
     * Converts a value, such as the properties of {@link DesiredProperties}, to a type.
     *
     * @param value what to convert
     * @param type what to convert it to, for example a settings record
     * @return the converted value
     */
    public <T> T convert(Object value, Class<T> type) {
        return json.convertValue(value, type);
    }

    /**
     * @param value a value
     * @return it as JSON bytes; {@code byte[]} are returned as they are
     */
    public byte[] bytes(Object value) {
        return value instanceof byte[] bytes ? bytes : json.writeValueAsBytes(value);
    }

    /**
     * @param bytes UTF-8 JSON
     * @return it parsed
     */
    public tools.jackson.databind.JsonNode tree(byte[] bytes) {
        return json.readTree(new String(bytes, StandardCharsets.UTF_8));
    }

    /**
     * Reads a body as UTF-8 text, strictly: the check a module makes before it parses JSON that
     * must be UTF-8, because a lenient parser also reads UTF-16 and UTF-32.
     *
     * @param body the body's bytes
     * @param what what the body is, for the reason, for example {@code "the body"}
     * @return the text
     * @throws InvalidMessageException when the bytes are not UTF-8, or hold a NUL byte (which JSON
     *     never has unescaped, and UTF-16 or UTF-32 text has in nearly every character)
     */
    public static String utf8Text(byte[] body, String what) {
        for (int i = 0; i < body.length; i++) {
            if (body[i] == 0) {
                throw new InvalidMessageException(
                        what
                                + " is not UTF-8 JSON: it has a NUL byte at offset "
                                + i
                                + " (UTF-16 or UTF-32 text?)");
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidMessageException(what + " is not UTF-8: " + e.getMessage(), e);
        }
    }
}
