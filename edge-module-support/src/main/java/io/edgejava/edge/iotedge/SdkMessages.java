package io.edgejava.edge.iotedge;

import com.microsoft.azure.sdk.iot.device.MessageProperty;
import io.edgejava.edge.EdgeHeaders;
import io.edgejava.edge.contract.SystemProperties;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * Maps a message between Spring's headers ({@link EdgeHeaders}) and the SDK's {@link
 * com.microsoft.azure.sdk.iot.device.Message}, so that a flow sees the same headers on either
 * transport.
 */
final class SdkMessages {

    /** How IoT Hub's topics write system properties. */
    private static final String WIRE_SYSTEM_PREFIX = "$.";

    private SdkMessages() {}

    /**
     * The SDK message for an output. Only what a module may set is copied: the hub stamps the
     * sender's ids, the output name and the enqueued time.
     *
     * @throws IllegalArgumentException when an application property's name starts with {@code $} or
     *     is not one IoT Hub accepts
     */
    static com.microsoft.azure.sdk.iot.device.Message toSdk(Message<byte[]> message) {
        MessageHeaders headers = message.getHeaders();
        com.microsoft.azure.sdk.iot.device.Message sdk =
                new com.microsoft.azure.sdk.iot.device.Message(message.getPayload());
        // The SDK gives every new message a random message id and correlation id; a module that
        // set none sends none, as on the mqtt transport.
        sdk.setMessageId(text(headers.get(EdgeHeaders.MESSAGE_ID)));
        sdk.setCorrelationId(text(headers.get(EdgeHeaders.CORRELATION_ID)));
        if (headers.get(MessageHeaders.CONTENT_TYPE) != null) {
            sdk.setContentType(headers.get(MessageHeaders.CONTENT_TYPE).toString());
        }
        if (headers.get(EdgeHeaders.CONTENT_ENCODING) != null) {
            sdk.setContentEncoding(headers.get(EdgeHeaders.CONTENT_ENCODING).toString());
        }
        if (headers.get(EdgeHeaders.CREATION_TIME_UTC) != null) {
            sdk.setCreationTimeUTC(creationTime(headers.get(EdgeHeaders.CREATION_TIME_UTC)));
        }
        if (headers.get(EdgeHeaders.PROPERTIES) instanceof Map<?, ?> application) {
            application.forEach(
                    (name, value) -> {
                        String key = SystemProperties.requireApplicationName(String.valueOf(name));
                        if (value != null) {
                            sdk.setProperty(key, value.toString());
                        }
                    });
        }
        return sdk;
    }

    /**
     * The Spring message for an SDK message that arrived on one of the module's inputs. The SDK
     * gives a received message without a message id or correlation id random ones, so on this
     * transport a flow can see ids the sender never set.
     */
    static Message<byte[]> fromSdk(com.microsoft.azure.sdk.iot.device.Message sdk) {
        Map<String, String> application = new HashMap<>();
        Map<String, String> system = new HashMap<>();
        for (MessageProperty property : sdk.getProperties()) {
            // The SDK keeps system properties it has no field for ($.cdid, $.cmid, ...) as
            // application properties with their wire names.
            (property.getName().startsWith(WIRE_SYSTEM_PREFIX) ? system : application)
                    .putIfAbsent(property.getName(), property.getValue());
        }
        MessageBuilder<byte[]> builder =
                MessageBuilder.withPayload(sdk.getBytes() == null ? new byte[0] : sdk.getBytes())
                        .setHeader(EdgeHeaders.PROPERTIES, Map.copyOf(application));
        set(builder, EdgeHeaders.MESSAGE_ID, sdk.getMessageId());
        set(builder, EdgeHeaders.CORRELATION_ID, sdk.getCorrelationId());
        set(builder, MessageHeaders.CONTENT_TYPE, sdk.getContentType());
        set(builder, EdgeHeaders.CONTENT_ENCODING, sdk.getContentEncoding());
        set(builder, EdgeHeaders.INPUT_NAME, sdk.getInputName());
        // Not sdk.getConnectionModuleId(): on a received message the SDK sets it to the
        // receiving module (the topic's), while the sender is in $.cmid.
        set(builder, EdgeHeaders.CONNECTION_DEVICE_ID, system.get("$.cdid"));
        set(builder, EdgeHeaders.CONNECTION_MODULE_ID, system.get("$.cmid"));
        set(
                builder,
                EdgeHeaders.OUTPUT_NAME,
                sdk.getOutputName() != null ? sdk.getOutputName() : system.get("$.on"));
        set(builder, EdgeHeaders.CREATION_TIME_UTC, system.get("$.ctime"));
        if (!system.containsKey("$.ctime") && sdk.getCreationTimeUTC() != null) {
            builder.setHeader(
                    EdgeHeaders.CREATION_TIME_UTC, sdk.getCreationTimeUTC().toInstant().toString());
        }
        return builder.build();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static void set(MessageBuilder<byte[]> builder, String header, String value) {
        if (value != null && !value.isEmpty()) {
            builder.setHeader(header, value);
        }
    }

    private static Date creationTime(Object value) {
        try {
            return Date.from(Instant.parse(value.toString()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "header "
                            + EdgeHeaders.CREATION_TIME_UTC
                            + " must be an ISO-8601 instant, not '"
                            + value
                            + "'",
                    e);
        }
    }
}
