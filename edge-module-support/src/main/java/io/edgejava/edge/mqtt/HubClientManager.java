package io.edgejava.edge.mqtt;

import io.edgejava.edge.transport.HubConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.springframework.integration.mqtt.core.Mqttv5ClientManager;

/**
 * The module's one MQTT client, shared by everything the module does with the hub.
 *
 * <p>Spring Integration's manager, when its first connect fails, only logs and leaves Paho to
 * retry; a module would then start "successfully" without a hub. This one fails start-up instead,
 * with the hub's reason. Once connected, Paho's automatic reconnect takes over.
 *
 * <p>A module that comes back to its persistent session gets what the hub kept for it right after
 * connecting, before the inbound adapter has registered with this manager. Those messages are held
 * here and handed to the adapter when it registers; otherwise they would be dropped unacknowledged
 * and stay stuck in the session until the next reconnect.
 */
final class HubClientManager extends Mqttv5ClientManager {

    private final String moduleId;
    private final List<Arrival> early = new ArrayList<>();
    private final AtomicLong connection = new AtomicLong();
    private volatile boolean stopped;
    private final ExecutorService connectCallbacks =
            Executors.newSingleThreadExecutor(
                    runnable -> {
                        Thread thread = new Thread(runnable, "edge-mqtt-connected");
                        thread.setDaemon(true);
                        return thread;
                    });

    private record Arrival(String topic, MqttMessage message) {}

    HubClientManager(MqttConnectionOptions options, String moduleId) {
        super(options, moduleId);
        this.moduleId = moduleId;
    }

    @Override
    public void start() {
        lock.lock();
        try {
            if (getClient() != null) {
                return;
            }
            MqttAsyncClient client =
                    new MqttAsyncClient(getUrl(), moduleId, new MemoryPersistence());
            client.setManualAcks(isManualAcks());
            client.setCallback(this);
            try {
                client.connect(getConnectionInfo()).waitForCompletion(getCompletionTimeout());
            } catch (MqttException e) {
                client.close(true);
                throw new HubConnectionException(explain(e), e);
            }
            setClient(client);
        } catch (MqttException e) {
            throw new HubConnectionException(
                    "Cannot create an MQTT client for " + getUrl() + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        synchronized (early) {
            if (getDefaultMessageHandlers().isEmpty()) {
                early.add(new Arrival(topic, message));
                return;
            }
        }
        super.messageArrived(topic, message);
    }

    @Override
    public <M> void addDefaultMessageHandler(DefaultMessageHandler<M> handler) {
        // Replayed under the lock, so that nothing arriving meanwhile overtakes them.
        synchronized (early) {
            super.addDefaultMessageHandler(handler);
            early.forEach(arrival -> super.messageArrived(arrival.topic(), arrival.message()));
            early.clear();
        }
    }

    /**
     * Tells the inbound adapter, which subscribes again and waits for the hub's SUBACK, on a thread
     * of its own. Paho calls this on its one callback thread, which also hands over every arriving
     * message; while it waits there, arriving messages fill Paho's small inbound queue, Paho stops
     * reading from the socket, and so never reads the SUBACK either. A module that comes back to a
     * backlog in its persistent session (after a hub restart) then lost the subscribe's whole
     * timeout, 30 s, with every send meanwhile waiting in vain for its acknowledgement.
     */
    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        connection.incrementAndGet();
        try {
            connectCallbacks.execute(
                    () -> {
                        // Stopped or lost meanwhile: nobody to tell, or the next connect will.
                        var client = getClient();
                        if (!stopped && (client == null || client.isConnected())) {
                            super.connectComplete(reconnect, serverUri);
                        }
                    });
        } catch (RejectedExecutionException stopped) {
            // The manager is stopping: nobody needs to subscribe any more.
        }
    }

    @Override
    public void stop() {
        stopped = true;
        super.stop();
        connectCallbacks.shutdownNow();
    }

    /**
     * @return a number that changes with every (re)connection
     */
    long connection() {
        return connection.get();
    }

    private String explain(MqttException e) {
        String prefix = "Module '" + moduleId + "' cannot connect to the hub at " + getUrl() + ": ";
        return prefix
                + switch (e.getReasonCode()) {
                    case 0x86 ->
                            "the hub refused its key (check edge.key / EDGE_KEY: it must be this"
                                    + " module's key, derived from the hub key)";
                    case 0x87 ->
                            "the hub refused the module (is '"
                                    + moduleId
                                    + "' a module of the deployment manifest?)";
                    case 0x85 -> "the hub refused the client id";
                    case MqttClientException.REASON_CODE_CLIENT_TIMEOUT ->
                            "no answer within "
                                    + getCompletionTimeout()
                                    + " ms (is the hub running?)";
                    default ->
                            e.getMessage()
                                    + (e.getCause() == null ? "" : " (" + e.getCause() + ")")
                                    + " (is the hub running, and edge.hub-url right?)";
                };
    }
}
