package io.edgejava.hub;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;

/**
 * A module as the hub sees it: a plain Paho MQTT v5 client with a persistent session, that keeps
 * everything it receives. Public for the tests of the sample modules, which play a peer with it.
 */
public final class TestModule implements AutoCloseable {

    /**
     * A message as received.
     *
     * @param topic the topic it arrived on
     * @param message the message
     */
    public record Received(String topic, MqttMessage message) {
        /**
         * @return the body as UTF-8 text
         */
        public String body() {
            return new String(message.getPayload(), StandardCharsets.UTF_8);
        }

        /**
         * @param name an application property's name
         * @return its value, or {@code null}
         */
        public String property(String name) {
            return message.getProperties().getUserProperties().stream()
                    .filter(property -> property.getKey().equals(name))
                    .map(UserProperty::getValue)
                    .findFirst()
                    .orElse(null);
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final String id;
    private final MqttAsyncClient client;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private TestModule(String serverUri, String id) throws MqttException {
        this.id = id;
        this.client = new MqttAsyncClient(serverUri, id, new MemoryPersistence());
        client.setCallback(
                new MqttCallback() {
                    @Override
                    public void disconnected(MqttDisconnectResponse response) {}

                    @Override
                    public void mqttErrorOccurred(MqttException exception) {}

                    @Override
                    public void messageArrived(String topic, MqttMessage message) {
                        received.add(new Received(topic, message));
                    }

                    @Override
                    public void deliveryComplete(IMqttToken token) {}

                    @Override
                    public void connectComplete(boolean reconnect, String serverUri) {}

                    @Override
                    public void authPacketArrived(int reasonCode, MqttProperties properties) {}
                });
    }

    /** Connects as {@code module} with its key, resuming its session. */
    public static TestModule connect(String serverUri, String module, String key)
            throws MqttException {
        return connect(serverUri, module, module, key);
    }

    /** Connects with a client id and a user name that may differ, to test refusals. */
    public static TestModule connect(String serverUri, String clientId, String user, String key)
            throws MqttException {
        TestModule module = new TestModule(serverUri, clientId);
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(user);
        options.setPassword(key.getBytes(StandardCharsets.US_ASCII));
        options.setCleanStart(false);
        options.setSessionExpiryInterval(3600L);
        options.setAutomaticReconnect(false);
        try {
            module.client.connect(options).waitForCompletion(WAIT.toMillis());
        } catch (MqttException e) {
            module.client.close(true);
            throw e;
        }
        return module;
    }

    public String id() {
        return id;
    }

    /**
     * @return the SUBACK reason codes
     */
    public int[] subscribe(String... filters) throws MqttException {
        MqttSubscription[] subscriptions = new MqttSubscription[filters.length];
        for (int i = 0; i < filters.length; i++) {
            subscriptions[i] = new MqttSubscription(filters[i], 1);
        }
        IMqttToken token = client.subscribe(subscriptions);
        token.waitForCompletion(WAIT.toMillis());
        return token.getReasonCodes();
    }

    /** Publishes at QoS 1 and returns the PUBACK reason code. */
    public int publish(String topic, byte[] payload, MqttProperties properties)
            throws MqttException {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        message.setProperties(properties);
        IMqttToken token = client.publish(topic, message);
        try {
            token.waitForCompletion(WAIT.toMillis());
        } catch (MqttException e) {
            return e.getReasonCode();
        }
        int[] codes = token.getReasonCodes();
        return codes == null || codes.length == 0 ? 0 : codes[0];
    }

    public int publish(String topic, String body, Map<String, String> userProperties)
            throws MqttException {
        MqttProperties properties = new MqttProperties();
        List<UserProperty> list = new ArrayList<>();
        userProperties.forEach((name, value) -> list.add(new UserProperty(name, value)));
        properties.setUserProperties(list);
        return publish(topic, body.getBytes(StandardCharsets.UTF_8), properties);
    }

    public int publishJson(String topic, String body, Map<String, String> userProperties)
            throws MqttException {
        MqttProperties properties = new MqttProperties();
        List<UserProperty> list = new ArrayList<>();
        list.add(new UserProperty("$contentEncoding", "utf-8"));
        userProperties.forEach((name, value) -> list.add(new UserProperty(name, value)));
        properties.setUserProperties(list);
        properties.setContentType("application/json");
        return publish(topic, body.getBytes(StandardCharsets.UTF_8), properties);
    }

    public List<Received> received() {
        return received;
    }

    public List<Received> receivedOn(String topic) {
        return received.stream().filter(message -> message.topic().equals(topic)).toList();
    }

    /** Waits until {@code count} messages arrived on {@code topic}, and returns them. */
    public List<Received> awaitOn(String topic, int count) {
        await().atMost(WAIT).until(() -> receivedOn(topic).size() >= count);
        return receivedOn(topic);
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    public void disconnect() throws MqttException {
        client.disconnect().waitForCompletion(WAIT.toMillis());
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnectForcibly(1000, 1000, false);
        }
        client.close(true);
    }
}
