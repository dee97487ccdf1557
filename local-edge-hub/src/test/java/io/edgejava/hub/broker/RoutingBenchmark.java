package io.edgejava.hub.broker;

import com.hivemq.embedded.EmbeddedHiveMQ;
import io.edgejava.edge.contract.Topics;
import io.edgejava.edge.mqtt.NoDelaySocketFactory;
import io.edgejava.hub.HubFixture;
import io.edgejava.hub.HubProperties;
import io.edgejava.hub.LocalEdgeHubApplication;
import io.edgejava.hub.identity.ModuleKeys;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Prints, for 200-byte QoS 1 messages, the throughput of plain publish/subscribe on the bare
 * broker, the throughput through one route of the hub, their ratio, the latency of the routed path,
 * and whether every message arrived exactly once. Not a test: it measures and prints.
 *
 * <p>Run it with {@code ./mvnw -B -pl local-edge-hub -am -DskipTests -Pbenchmark verify}; set
 * {@code -Dbenchmark.messages=N} for more or fewer messages.
 */
public final class RoutingBenchmark {

    private static final int PAYLOAD_BYTES = 200;
    private static final int IN_FLIGHT = Integer.getInteger("benchmark.in-flight", 10);
    private static final Duration LIMIT = Duration.ofMinutes(3);

    record Result(double perSecond, long[] latenciesNanos, int received, int duplicates) {}

    public static void main(String[] args) throws Exception {
        int messages = Integer.getInteger("benchmark.messages", 50_000);
        int warmup = Math.max(1000, messages / 10);
        System.out.printf(
                Locale.ROOT,
                "Routing benchmark: %d messages of %d bytes, QoS 1, %d in flight, after %d warm-up%n"
                        + "Machine: %d cores, Java %s, %s %s%n",
                messages,
                PAYLOAD_BYTES,
                IN_FLIGHT,
                warmup,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                System.getProperty("os.name"),
                System.getProperty("os.arch"));

        Result plain = plainBroker(warmup, messages);
        Result routed = throughHub(warmup, messages);

        report("plain publish/subscribe", plain, messages);
        report("through one route", routed, messages);
        System.out.printf(
                Locale.ROOT, "ratio routed/plain: %.2f%n", routed.perSecond() / plain.perSecond());
        System.exit(0);
    }

    private static Result plainBroker(int warmup, int messages) throws Exception {
        int port = HubFixture.freePort();
        Path folder = Files.createTempDirectory("benchmark-broker");
        // The hub's own broker configuration, so that the two runs differ only by the extension.
        BrokerConfiguration.write(
                new HubProperties.Mqtt(
                        "127.0.0.1", port, 0, "/mqtt", 262_144, 1_048_576, 1_000_000),
                folder.resolve("conf"));
        try (EmbeddedHiveMQ broker =
                EmbeddedHiveMQ.builder()
                        .withConfigurationFolder(folder.resolve("conf"))
                        .withDataFolder(Files.createDirectories(folder.resolve("data")))
                        .withExtensionsFolder(Files.createDirectories(folder.resolve("extensions")))
                        .withoutLoggingBootstrap()
                        .build()) {
            broker.start().get();
            String uri = "tcp://127.0.0.1:" + port;
            run(uri, "publisher", null, "subscriber", null, "bench/in", "bench/in", warmup);
            return run(
                    uri, "publisher", null, "subscriber", null, "bench/in", "bench/in", messages);
        }
    }

    private static Result throughHub(int warmup, int messages) throws Exception {
        int port = HubFixture.freePort();
        Path data = Files.createTempDirectory("benchmark-hub");
        ModuleKeys keys = new ModuleKeys(ModuleKeys.LOCAL_DEVELOPMENT_KEY);
        try (ConfigurableApplicationContext hub =
                SpringApplication.run(
                        LocalEdgeHubApplication.class,
                        "--hub.manifest=src/test/resources/benchmark/benchmark-manifest.json",
                        "--hub.data-dir=" + data,
                        "--hub.mqtt.bind-address=127.0.0.1",
                        "--hub.mqtt.port=" + port,
                        "--hub.mqtt.websocket-port=0",
                        "--server.port=0",
                        "--logging.level.io.edgejava=WARN")) {
            String uri = "tcp://127.0.0.1:" + port;
            String output = Topics.output("sensor", "temperatureOutput");
            String input = Topics.input("filter", "input1");
            run(
                    uri,
                    "sensor",
                    keys.keyOf("sensor"),
                    "filter",
                    keys.keyOf("filter"),
                    output,
                    input,
                    warmup);
            return run(
                    uri,
                    "sensor",
                    keys.keyOf("sensor"),
                    "filter",
                    keys.keyOf("filter"),
                    output,
                    input,
                    messages);
        }
    }

    /** Publishes {@code count} messages and waits for the subscriber to receive all of them. */
    private static Result run(
            String uri,
            String publisherId,
            String publisherKey,
            String subscriberId,
            String subscriberKey,
            String publishTopic,
            String subscribeFilter,
            int count)
            throws Exception {
        BitSet seen = new BitSet(count);
        long[] latencies = new long[count];
        AtomicInteger received = new AtomicInteger();
        AtomicInteger duplicates = new AtomicInteger();
        CountDownLatch allReceived = new CountDownLatch(count);
        MqttAsyncClient subscriber = client(uri, subscriberId);
        subscriber.setCallback(
                new Callback() {
                    @Override
                    public void messageArrived(String topic, MqttMessage message) {
                        ByteBuffer payload = ByteBuffer.wrap(message.getPayload());
                        int sequence = payload.getInt();
                        long sentAt = payload.getLong();
                        synchronized (seen) {
                            if (seen.get(sequence)) {
                                duplicates.incrementAndGet();
                                return;
                            }
                            seen.set(sequence);
                        }
                        latencies[sequence] = System.nanoTime() - sentAt;
                        received.incrementAndGet();
                        allReceived.countDown();
                    }
                });
        connect(subscriber, subscriberId, subscriberKey, true);
        subscriber.subscribe(subscribeFilter, 1).waitForCompletion();
        // Paho does not bound what is in flight by itself: at 65,535 unacknowledged messages it
        // runs out of packet ids. The semaphore keeps IN_FLIGHT messages unacknowledged at most.
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        MqttAsyncClient publisher = client(uri, publisherId);
        publisher.setCallback(
                new Callback() {
                    @Override
                    public void deliveryComplete(IMqttToken token) {
                        inFlight.release();
                    }
                });
        connect(publisher, publisherId, publisherKey, true);

        long deadline = System.nanoTime() + LIMIT.toNanos();
        long start = System.nanoTime();
        byte[] body = new byte[PAYLOAD_BYTES];
        Arrays.fill(body, (byte) 'x');
        for (int sequence = 0; sequence < count; sequence++) {
            if (!inFlight.tryAcquire(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException("gave up after " + LIMIT);
            }
            ByteBuffer.wrap(body).putInt(sequence).putLong(System.nanoTime());
            MqttMessage message = new MqttMessage(body.clone(), 1, false, new MqttProperties());
            // Paho frees its slot just after deliveryComplete; in that gap it refuses, so wait a
            // bit.
            while (!tryPublish(publisher, publishTopic, message)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("gave up after " + LIMIT);
                }
                LockSupport.parkNanos(20_000);
            }
        }
        allReceived.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        long elapsed = System.nanoTime() - start;
        publisher.disconnect().waitForCompletion();
        subscriber.disconnect().waitForCompletion();
        publisher.close();
        subscriber.close();
        return new Result(
                received.get() / (elapsed / 1e9), latencies, received.get(), duplicates.get());
    }

    private static boolean tryPublish(MqttAsyncClient client, String topic, MqttMessage message)
            throws MqttException {
        try {
            client.publish(topic, message);
            return true;
        } catch (MqttException e) {
            if (e.getReasonCode() == MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                return false;
            }
            throw e;
        }
    }

    private static void report(String name, Result result, int sent) {
        long[] sorted =
                Arrays.stream(result.latenciesNanos())
                        .filter(nanos -> nanos > 0)
                        .sorted()
                        .toArray();
        System.out.printf(
                Locale.ROOT,
                "%-24s %9.0f msg/s   latency p50 %6.2f ms  p99 %6.2f ms   sent %d, received %d,"
                        + " lost %d, duplicated %d%n",
                name,
                result.perSecond(),
                percentile(sorted, 0.50) / 1e6,
                percentile(sorted, 0.99) / 1e6,
                sent,
                result.received(),
                sent - result.received(),
                result.duplicates());
    }

    private static double percentile(long[] sorted, double fraction) {
        return sorted.length == 0
                ? Double.NaN
                : sorted[(int) Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
    }

    private static MqttAsyncClient client(String uri, String id) throws MqttException {
        return new MqttAsyncClient(uri, id, new MemoryPersistence());
    }

    private static void connect(MqttAsyncClient client, String user, String key, boolean clean)
            throws MqttException {
        MqttConnectionOptions options = new MqttConnectionOptions();
        if (key != null) {
            options.setUserName(user);
            options.setPassword(key.getBytes(StandardCharsets.US_ASCII));
        }
        options.setCleanStart(clean);
        options.setReceiveMaximum(IN_FLIGHT);
        options.setSocketFactory(new NoDelaySocketFactory());
        IMqttToken token = client.connect(options);
        token.waitForCompletion(TimeUnit.SECONDS.toMillis(10));
    }

    private static class Callback implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse response) {}

        @Override
        public void mqttErrorOccurred(MqttException exception) {}

        @Override
        public void messageArrived(String topic, MqttMessage message) {}

        @Override
        public void deliveryComplete(IMqttToken token) {}

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {}

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {}
    }
}
