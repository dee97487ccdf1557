package io.edgejava.edge.contract;

import java.util.Set;

/**
 * Names of the MQTT v5 user properties that carry IoT Edge system properties.
 *
 * <p>A user property whose name starts with {@code $} is a system property; every other user
 * property is an application property. Content type travels in the MQTT v5 content type field and a
 * message's time to live in the message expiry interval, so neither has a name here.
 *
 * <p>The hub stamps {@link #CONNECTION_DEVICE_ID} and {@link #CONNECTION_MODULE_ID} from the
 * authenticated identity of the sender, and {@link #OUTPUT_NAME} from the topic; whatever a sender
 * puts under those names is removed.
 */
public final class SystemProperties {

    /** Prefix that marks a user property as a system property. */
    public static final String PREFIX = "$";

    /** Identifier the sender gives the message; routes see it as {@code $messageId}. */
    public static final String MESSAGE_ID = "$messageId";

    /** Identifier that ties a message to another; routes see it as {@code $correlationId}. */
    public static final String CORRELATION_ID = "$correlationId";

    /** Character encoding of the body, for example {@code utf-8}. */
    public static final String CONTENT_ENCODING = "$contentEncoding";

    /** When the sender created the message, ISO-8601 UTC. */
    public static final String CREATION_TIME_UTC = "$creationTimeUtc";

    /** Identity of the sender, set by the hub. */
    public static final String USER_ID = "$userId";

    /** Device the sender runs on, set by the hub. */
    public static final String CONNECTION_DEVICE_ID = "$connectionDeviceId";

    /** Module that sent the message, set by the hub from the authenticated identity. */
    public static final String CONNECTION_MODULE_ID = "$connectionModuleId";

    /** Output the message was sent on, set by the hub. */
    public static final String OUTPUT_NAME = "$outputName";

    /** When the hub accepted the message, ISO-8601 UTC. */
    public static final String ENQUEUED_TIME_UTC = "$enqueuedTimeUtc";

    /** User property of a direct method response that holds the status code. */
    public static final String METHOD_STATUS = "status";

    /** System properties only the hub may set; the hub removes them from what senders publish. */
    public static final Set<String> HUB_STAMPED =
            Set.of(
                    USER_ID,
                    CONNECTION_DEVICE_ID,
                    CONNECTION_MODULE_ID,
                    OUTPUT_NAME,
                    ENQUEUED_TIME_UTC);

    private SystemProperties() {}

    /**
     * Tells a system property from an application property.
     *
     * @param userPropertyName the name of an MQTT v5 user property
     * @return whether it carries a system property
     */
    public static boolean isSystemProperty(String userPropertyName) {
        return userPropertyName.startsWith(PREFIX);
    }

    /**
     * Checks the name of an application property a module sends.
     *
     * @param name the name
     * @return the name
     * @throws IllegalArgumentException when it starts with {@code $}, which marks system properties
     */
    public static String requireApplicationName(String name) {
        if (isSystemProperty(name)) {
            throw new IllegalArgumentException(
                    "application property '"
                            + name
                            + "' starts with '$', which marks system properties");
        }
        return name;
    }
}
