package io.edgejava.edge.runtime;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * A module's settings, under the prefix {@code edge}; each can be set by environment variable with
 * the same name in compose and in the deployment manifest ({@code EDGE_MODULE_ID}, {@code
 * EDGE_HUB_URL}, {@code EDGE_KEY}, {@code EDGE_TRANSPORT}, ...).
 *
 * @param moduleId the module's id, as in the deployment manifest
 * @param transport how to reach the hub
 * @param hubUrl the local hub, for the {@code mqtt} transport: {@code tcp://host:1883} or {@code
 *     ws://host:8083/mqtt}
 * @param key the module's key, for the {@code mqtt} transport
 * @param connectTimeout how long start-up waits for the hub
 * @param sessionExpiry how long the hub keeps the module's messages while it is away
 * @param delivery what happens to an input message whose handling fails
 * @param methodThreads threads that run {@code @DirectMethod} handlers
 * @param iotedge settings of the {@code iotedge} transport
 */
@Validated
@ConfigurationProperties("edge")
public record EdgeProperties(
        @NotBlank(
                        message =
                                "set edge.module-id (EDGE_MODULE_ID) to the module's id in the deployment manifest")
                String moduleId,
        @NotNull @DefaultValue("auto") Transport transport,
        @NotNull @Pattern(
                        regexp = "(tcp|ssl|ws|wss)://.+",
                        message =
                                "edge.hub-url must look like tcp://host:1883 or ws://host:8083/mqtt")
                @DefaultValue("tcp://localhost:1883")
                String hubUrl,
        @DefaultValue("") String key,
        @NotNull @DefaultValue("10s") Duration connectTimeout,
        @NotNull @DefaultValue("7d") Duration sessionExpiry,
        @Valid @NotNull @DefaultValue Delivery delivery,
        @Min(1) @DefaultValue("4") int methodThreads,
        @Valid @NotNull @DefaultValue Iotedge iotedge) {

    /** How to reach the hub. */
    public enum Transport {
        /**
         * {@code iotedge} when the IoT Edge runtime's environment is present, else {@code mqtt}.
         */
        AUTO,
        /** MQTT v5 to local-edge-hub. */
        MQTT,
        /** The Azure IoT Device SDK to edgeHub, on a device. */
        IOTEDGE
    }

    /**
     * What happens to an input message whose handling fails.
     *
     * @param maxAttempts how many times a message is handed to the flow before it is dead-lettered
     * @param deadLetterOutput the output dead-lettered messages go to, with the reason
     * @param retryLaterBackoff the first pause before a message whose flow threw {@link
     *     io.edgejava.edge.RetryLaterException}, or could not reach the hub ({@link
     *     io.edgejava.edge.transport.HubConnectionException}), is handed to it again, and before a
     *     dead letter the hub could not take yet is sent again; it doubles each time
     * @param retryLaterMaxBackoff the longest such pause
     */
    public record Delivery(
            @Min(1) @DefaultValue("3") int maxAttempts,
            @NotBlank @DefaultValue("deadLetter") String deadLetterOutput,
            @NotNull @DefaultValue("1s") Duration retryLaterBackoff,
            @NotNull @DefaultValue("30s") Duration retryLaterMaxBackoff) {}

    /**
     * Settings of the {@code iotedge} transport. Where the hub is and who the module is come from
     * the environment the IoT Edge runtime sets ({@code IOTEDGE_*}, or {@code
     * EdgeHubConnectionString}), read by the Azure IoT Device SDK itself.
     *
     * @param protocol the SDK's protocol to edgeHub
     * @param twinTimeout how long one twin request may wait for its answer
     * @param twinAttempts how many times a twin request is made before it fails: the SDK can lose a
     *     twin answer (azure-iot-sdk-java issue 1803)
     * @param methodAnswerTimeout the longest the SDK's thread waits for a {@code @DirectMethod}
     *     handler's answer; after it, the caller gets 504
     */
    public record Iotedge(
            @NotNull @DefaultValue("MQTT") Protocol protocol,
            @NotNull @DefaultValue("10s") Duration twinTimeout,
            @Min(1) @DefaultValue("3") int twinAttempts,
            @NotNull @DefaultValue("30s") Duration methodAnswerTimeout) {}

    /** The Azure IoT Device SDK's protocols. */
    public enum Protocol {
        /** MQTT over TLS, port 8883. */
        MQTT,
        /** MQTT over WebSocket, port 443. */
        MQTT_WS,
        /** AMQP over TLS, port 5671; local-edge-hub does not emulate it. */
        AMQPS,
        /** AMQP over WebSocket, port 443; local-edge-hub does not emulate it. */
        AMQPS_WS,
        /**
         * Refused: the SDK's module client needs a connection that stays open, for inputs, method
         * calls and desired properties.
         */
        HTTPS
    }
}
