package io.edgejava.edge.transport;

import io.edgejava.edge.MethodResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.springframework.messaging.Message;

/**
 * How a module reaches its hub. A transport moves bytes and properties; delivery rules (retries,
 * dead letters, handler threads) are the same for every transport and live above it.
 */
public interface EdgeTransport {

    /**
     * Connects, and from then on hands everything that arrives to {@code listener}.
     *
     * @param listener where inputs, method requests and desired properties go
     * @throws HubConnectionException when the hub cannot be reached or refuses the module
     */
    void start(InboundListener listener);

    /** Disconnects; what was not acknowledged is delivered again on the next start. */
    void stop();

    /**
     * Sends a message to one of this module's outputs, and returns once the hub has accepted it.
     *
     * @param output the output name
     * @param message payload {@code byte[]} and headers as in {@link io.edgejava.edge.EdgeHeaders}
     * @throws io.edgejava.edge.HubRefusedException when the hub refuses it
     * @throws HubConnectionException when the module is not connected
     */
    void send(String output, Message<byte[]> message);

    /**
     * Invokes a direct method of another module.
     *
     * @return the answer, or a failure as described in {@link io.edgejava.edge.EdgeHub#invoke}
     */
    CompletableFuture<MethodResponse> invoke(
            String module, String method, byte[] payload, Duration timeout);

    /**
     * Sends a reported properties patch.
     *
     * @param patch a JSON object
     * @return completes when the hub has accepted it
     */
    CompletableFuture<Void> reportProperties(byte[] patch);

    /**
     * @return whether the module is connected now
     */
    boolean isConnected();

    /**
     * @return what the transport is connected to, for logs and health, for example the hub URL
     */
    String describe();
}
