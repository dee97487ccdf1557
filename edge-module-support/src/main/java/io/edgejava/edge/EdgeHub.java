package io.edgejava.edge;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.SubscribableChannel;

/**
 * The module's view of its hub. Inject it where a flow, a service or a controller needs the hub.
 *
 * <pre>{@code
 * @Bean
 * IntegrationFlow forwardHotReadings(EdgeHub hub) {
 *     return IntegrationFlow.from(hub.input("input1"))
 *             .filter(...)
 *             .channel(hub.output("output1"))
 *             .get();
 * }
 * }</pre>
 */
public interface EdgeHub {

    /**
     * @return this module's id, as the hub knows it
     */
    String moduleId();

    /**
     * The channel on which messages routed to one of this module's inputs arrive: payload {@code
     * byte[]}, headers as in {@link EdgeHeaders}. A message is acknowledged to the hub only when
     * the flow reading this channel has handled it; when the flow throws, it is retried {@code
     * edge.delivery.max-attempts} times, then sent to the dead-letter output with the reason.
     *
     * @param name the input name, as in the routes of the deployment manifest
     * @return the same channel for the same name
     */
    SubscribableChannel input(String name);

    /**
     * The inputs this module reads: every name it has asked for with {@link #input(String)} so far.
     * A route into any other input of this module delivers messages that no flow reads, and they go
     * to the dead-letter output. Shown in the {@code edgeHub} health component's details as {@code
     * inputs}, so that a deployment's routes can be checked against what the module reads.
     *
     * @return the input names, sorted; a snapshot, not a live view
     */
    Set<String> inputNames();

    /**
     * The channel to send a message to one of this module's outputs. Sending returns once the hub
     * has accepted the message, and throws {@link HubRefusedException} when the hub refuses it.
     * Application properties go in the {@link EdgeHeaders#PROPERTIES} header; {@link
     * EdgeJson#message(Object)} builds a JSON message with the right content type and encoding.
     *
     * @param name the output name, as in the routes of the deployment manifest
     * @return the same channel for the same name
     */
    MessageChannel output(String name);

    /**
     * Invokes a direct method of another module, through the hub.
     *
     * @param module the target module's id
     * @param method the method name
     * @param payload the request body: {@code byte[]} as they are, anything else as JSON
     * @param timeout how long to wait for the answer
     * @return the answer; fails with {@link ModuleNotConnectedException} (404), {@link
     *     MethodTimedOutException} (504) or {@link MethodFailedException} (500)
     */
    CompletableFuture<MethodResponse> invoke(
            String module, String method, Object payload, Duration timeout);

    /**
     * @return the latest desired properties, once the hub has delivered them
     */
    Optional<DesiredProperties> desiredProperties();

    /**
     * Sends reported properties to the module twin, as a JSON merge patch.
     *
     * @param patch the properties to report; a {@code null} value removes a property
     * @return completes when the hub has accepted the patch
     */
    CompletableFuture<Void> reportProperties(Map<String, ?> patch);

    /**
     * @return whether the module is connected to its hub now
     */
    boolean isConnected();
}
