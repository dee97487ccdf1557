package io.edgejava.edge.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.junit.jupiter.api.Test;

class HubClientManagerTests {

    /**
     * The inbound adapter subscribes again on every connect and waits for the SUBACK. On Paho's
     * callback thread that wait kept Paho from reading the SUBACK whenever the hub sent a backlog
     * first, so the callbacks must run elsewhere and the connect must not wait for them.
     */
    @Test
    void connectCallbacksRunOffPahosThreadAndDoNotHoldIt() throws Exception {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setServerURIs(new String[] {"tcp://localhost:1883"});
        HubClientManager manager = new HubClientManager(options, "alpha");
        CountDownLatch subscribed = new CountDownLatch(1);
        CompletableFuture<String> callbackThread = new CompletableFuture<>();
        manager.addCallback(
                reconnect -> {
                    callbackThread.complete(Thread.currentThread().getName());
                    try {
                        // A subscribe waiting for its SUBACK.
                        subscribed.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
        long before = manager.connection();

        // Returns at once although the callback still waits.
        manager.connectComplete(true, "tcp://localhost:1883");

        assertThat(manager.connection()).isEqualTo(before + 1);
        assertThat(callbackThread.get(5, TimeUnit.SECONDS))
                .isEqualTo("edge-mqtt-connected")
                .isNotEqualTo(Thread.currentThread().getName());
        assertThat(subscribed.getCount()).isOne();
        subscribed.countDown();
        manager.stop();
    }
}
