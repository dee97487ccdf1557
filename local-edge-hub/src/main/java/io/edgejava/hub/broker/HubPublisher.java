package io.edgejava.hub.broker;

import com.hivemq.extension.sdk.api.packets.general.Qos;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import com.hivemq.extension.sdk.api.services.builder.PublishBuilder;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;

/**
 * Publishes messages that the hub itself originates (desired properties, direct method calls and
 * answers, the {@code $upstream} record) into the embedded broker.
 */
@Component
public class HubPublisher {

    /**
     * A message from the hub.
     *
     * @param topic where to publish it
     * @param payload its body
     * @param retain whether the broker keeps it for later subscribers
     * @param contentType MQTT v5 content type, or null
     * @param expiry how long it may wait for a subscriber that is away, or null for no limit
     * @param responseTopic MQTT v5 response topic, or null
     * @param correlationData MQTT v5 correlation data, or null
     * @param userProperties MQTT v5 user properties
     */
    public record Message(
            String topic,
            byte[] payload,
            boolean retain,
            String contentType,
            Duration expiry,
            String responseTopic,
            byte[] correlationData,
            Map<String, String> userProperties) {}

    /**
     * @param message what to publish, at QoS 1
     * @return completes when the broker has taken it
     */
    public CompletableFuture<Void> publish(Message message) {
        PublishBuilder builder =
                Builders.publish()
                        .topic(message.topic())
                        .qos(Qos.AT_LEAST_ONCE)
                        .retain(message.retain())
                        .payload(ByteBuffer.wrap(message.payload()));
        if (message.contentType() != null) {
            builder.contentType(message.contentType());
        }
        if (message.expiry() != null) {
            builder.messageExpiryInterval(Math.max(1, message.expiry().toSeconds()));
        }
        if (message.responseTopic() != null) {
            builder.responseTopic(message.responseTopic());
        }
        if (message.correlationData() != null) {
            builder.correlationData(ByteBuffer.wrap(message.correlationData()));
        }
        message.userProperties().forEach(builder::userProperty);
        return Services.publishService().publish(builder.build());
    }
}
