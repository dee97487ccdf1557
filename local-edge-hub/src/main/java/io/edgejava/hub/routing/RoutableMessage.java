package io.edgejava.hub.routing;

import io.edgejava.edge.contract.SystemProperties;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * What a route's source and condition can see of a message a module sent.
 *
 * <p>System properties are keyed by their {@code $}-prefixed names ({@code $messageId}, {@code
 * $correlationId}, {@code $contentType}, {@code $contentEncoding}, {@code $connectionDeviceId},
 * {@code $connectionModuleId}, {@code $userId}, {@code $creationTimeUtc}, {@code $enqueuedTimeUtc},
 * {@code $outputName}). A condition's {@code $name} reads the key {@code $name}, in any letter case
 * (edgeHub's property names ignore case). edgeHub itself stores three of them under other names,
 * and routes written for it use those, so they are read too: {@code $cid} reads {@code
 * $correlationId}, {@code $creationTime} reads {@code $creationTimeUtc} and {@code $enqueuedTime}
 * reads {@code $enqueuedTimeUtc}.
 *
 * <p>{@code $body} queries need {@code $contentType} {@code application/json} and {@code
 * $contentEncoding} {@code utf-8}, {@code utf-16} or {@code utf-32} (any letter case).
 *
 * <p>The body array is not copied, for speed on the broker's hot path: do not change it while the
 * message is being routed.
 *
 * @param moduleId the module that sent the message
 * @param outputName the output it was sent on, or {@code null}
 * @param systemProperties system properties by {@code $}-prefixed name; no {@code null} keys or
 *     values
 * @param applicationProperties application properties; no {@code null} keys or values
 * @param body the payload; {@code null} is read as empty
 */
public record RoutableMessage(
        String moduleId,
        String outputName,
        Map<String, String> systemProperties,
        Map<String, String> applicationProperties,
        byte[] body) {

    /** The system property that holds the body's content type, such as application/json. */
    public static final String CONTENT_TYPE = "$contentType";

    /** The system property that holds the body's character encoding, such as utf-8. */
    public static final String CONTENT_ENCODING = SystemProperties.CONTENT_ENCODING;

    private static final byte[] EMPTY = new byte[0];

    /**
     * Copies the property maps and checks the module id.
     *
     * @throws NullPointerException if {@code moduleId} is {@code null}, or a map has a {@code null}
     *     key or value
     */
    public RoutableMessage {
        Objects.requireNonNull(moduleId, "moduleId");
        systemProperties = systemProperties == null ? Map.of() : Map.copyOf(systemProperties);
        applicationProperties =
                applicationProperties == null ? Map.of() : Map.copyOf(applicationProperties);
        body = body == null ? EMPTY : body;
    }

    /** Equal when every component is, the body compared by content. */
    @Override
    public boolean equals(Object other) {
        return other instanceof RoutableMessage that
                && moduleId.equals(that.moduleId)
                && Objects.equals(outputName, that.outputName)
                && systemProperties.equals(that.systemProperties)
                && applicationProperties.equals(that.applicationProperties)
                && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                moduleId,
                outputName,
                systemProperties,
                applicationProperties,
                Arrays.hashCode(body));
    }

    /** Shows the body's length, not its bytes. */
    @Override
    public String toString() {
        return "RoutableMessage[moduleId="
                + moduleId
                + ", outputName="
                + outputName
                + ", systemProperties="
                + systemProperties
                + ", applicationProperties="
                + applicationProperties
                + ", body="
                + body.length
                + " bytes]";
    }
}
