package io.edgejava.benchmarks;

import io.edgejava.edge.mqtt.NoDelaySocketFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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

/**
 * One Paho MQTT v5 publisher and one or more subscribers: 200-byte QoS 1 messages, each carrying
 * its sequence number and send time, so that every message is accounted for at every subscriber
 * (lost, duplicated) and its latency measured. The same client runs against the bare broker, the
 * hub and Mosquitto.
 */
final class MqttLoad {

    static final int PAYLOAD_BYTES = 200;
    private static final Duration LIMIT = Duration.ofMinutes(5);
    private static final Duration QUIET = Duration.ofSeconds(10);

    /** A client's login: the hub wants the module id as client id and user, and its key. */
    record Login(String clientId, String user, String key) {
        static Login anonymous(String clientId) {
            return new Login(clientId, null, null);
        }
    }

    record Subscriber(Login login, String topicFilter) {}

    /** Where messages go: a publisher's topic and the subscribers that should each get all. */
    record Path(String uri, Login publisher, String topic, List<Subscriber> subscribers) {}

    /**
     * @param perSecond messages published per second, counted when every subscriber had them all
     * @param latencies publish to arrival, over every delivery
     * @param sent messages published
     * @param lost deliveries missing, over all subscribers
     * @param duplicated deliveries that came twice
     */
    record Result(double perSecond, Latencies latencies, int sent, long lost, long duplicated) {}

    private MqttLoad() {}

    /** Publishes {@code count} messages as fast as {@code inFlight} unacknowledged ones allow. */
    static Result asFastAsPossible(Path path, int count, int inFlight) throws Exception {
        return run(path, count, inFlight, 0);
    }

    /** Publishes {@code count} messages at {@code rate} per second, paced by a scheduler. */
    static Result atFixedRate(Path path, int count, int inFlight, int rate) throws Exception {
        return run(path, count, inFlight, rate);
    }

    private static Result run(Path path, int count, int inFlight, int rate) throws Exception {
        List<Receiver> receivers = new ArrayList<>();
        List<MqttAsyncClient> clients = new ArrayList<>();
        try {
            for (Subscriber subscriber : path.subscribers()) {
                Receiver receiver = new Receiver(count);
                MqttAsyncClient client = client(path.uri(), subscriber.login().clientId());
                clients.add(client);
                client.setCallback(receiver);
                connect(client, subscriber.login(), inFlight);
                client.subscribe(subscriber.topicFilter(), 1).waitForCompletion();
                receivers.add(receiver);
            }
            // Paho does not bound what is in flight by itself: at 65,535 unacknowledged messages
            // it runs out of packet ids. The semaphore keeps inFlight unacknowledged at most.
            Semaphore unacknowledged = new Semaphore(inFlight);
            MqttAsyncClient publisher = client(path.uri(), path.publisher().clientId());
            clients.add(publisher);
            publisher.setCallback(
                    new Callbacks() {
                        @Override
                        public void deliveryComplete(IMqttToken token) {
                            unacknowledged.release();
                        }
                    });
            connect(publisher, path.publisher(), inFlight);

            Sender sender = new Sender(publisher, path.topic(), unacknowledged);
            long start = System.nanoTime();
            if (rate == 0) {
                for (int sequence = 0; sequence < count; sequence++) {
                    sender.send(sequence);
                }
            } else {
                paced(sender, count, rate);
            }
            int expected = count * receivers.size();
            Waiting.until(
                    "the arrival of " + count + " messages at every subscriber",
                    LIMIT,
                    Duration.ofMillis(20),
                    () -> {
                        int received = receivers.stream().mapToInt(r -> r.received.get()).sum();
                        long lastArrival =
                                receivers.stream()
                                        .mapToLong(r -> r.lastArrival.get())
                                        .max()
                                        .orElse(start);
                        return received >= expected
                                || System.nanoTime() - Math.max(start, lastArrival)
                                        > QUIET.toNanos();
                    });
            long lastArrival =
                    receivers.stream().mapToLong(r -> r.lastArrival.get()).max().orElse(start);
            long[] all =
                    receivers.stream().flatMapToLong(r -> Arrays.stream(r.latencies)).toArray();
            long received = receivers.stream().mapToLong(r -> r.received.get()).sum();
            return new Result(
                    count / ((lastArrival - start) / 1e9),
                    new Latencies(all),
                    count,
                    expected - received,
                    receivers.stream().mapToLong(r -> r.duplicated.get()).sum());
        } finally {
            for (MqttAsyncClient client : clients) {
                if (client.isConnected()) {
                    client.disconnect().waitForCompletion(TimeUnit.SECONDS.toMillis(10));
                }
                client.close();
            }
        }
    }

    private static void paced(Sender sender, int count, int rate) throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger next = new AtomicInteger();
        java.util.concurrent.CompletableFuture<Void> done =
                new java.util.concurrent.CompletableFuture<>();
        try {
            ScheduledFuture<?> ticks =
                    scheduler.scheduleAtFixedRate(
                            () -> {
                                int sequence = next.getAndIncrement();
                                if (sequence >= count) {
                                    done.complete(null);
                                    return;
                                }
                                try {
                                    sender.send(sequence);
                                } catch (Exception e) {
                                    done.completeExceptionally(e);
                                }
                            },
                            0,
                            TimeUnit.SECONDS.toNanos(1) / rate,
                            TimeUnit.NANOSECONDS);
            try {
                done.get(LIMIT.toNanos(), TimeUnit.NANOSECONDS);
            } finally {
                ticks.cancel(false);
            }
        } finally {
            scheduler.shutdownNow();
        }
    }

    /** Publishes one numbered message, waiting for a free in-flight slot first. */
    private record Sender(MqttAsyncClient client, String topic, Semaphore unacknowledged) {

        void send(int sequence) throws Exception {
            if (!unacknowledged.tryAcquire(LIMIT.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException("no PUBACK within " + LIMIT);
            }
            byte[] body = new byte[PAYLOAD_BYTES];
            Arrays.fill(body, (byte) 'x');
            ByteBuffer.wrap(body).putInt(sequence).putLong(System.nanoTime());
            MqttMessage message = new MqttMessage(body, 1, false, new MqttProperties());
            // Paho frees its slot just after deliveryComplete; in that gap it refuses, briefly.
            while (!tryPublish(message)) {
                LockSupport.parkNanos(20_000);
            }
        }

        private boolean tryPublish(MqttMessage message) throws MqttException {
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
    }

    /** One subscriber's account of what arrived. */
    private static final class Receiver extends Callbacks {
        final BitSet seen;
        final long[] latencies;
        final AtomicInteger received = new AtomicInteger();
        final AtomicInteger duplicated = new AtomicInteger();
        final AtomicLong lastArrival = new AtomicLong();

        Receiver(int count) {
            seen = new BitSet(count);
            latencies = new long[count];
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            long now = System.nanoTime();
            ByteBuffer payload = ByteBuffer.wrap(message.getPayload());
            int sequence = payload.getInt();
            long sentAt = payload.getLong();
            synchronized (seen) {
                if (seen.get(sequence)) {
                    duplicated.incrementAndGet();
                    return;
                }
                seen.set(sequence);
            }
            latencies[sequence] = now - sentAt;
            lastArrival.set(now);
            received.incrementAndGet();
        }
    }

    private static MqttAsyncClient client(String uri, String clientId) throws MqttException {
        return new MqttAsyncClient(uri, clientId, new MemoryPersistence());
    }

    private static void connect(MqttAsyncClient client, Login login, int inFlight)
            throws MqttException {
        MqttConnectionOptions options = new MqttConnectionOptions();
        if (login.key() != null) {
            options.setUserName(login.user());
            options.setPassword(login.key().getBytes(StandardCharsets.US_ASCII));
        }
        options.setCleanStart(true);
        options.setReceiveMaximum(inFlight);
        options.setSocketFactory(new NoDelaySocketFactory());
        client.connect(options).waitForCompletion(TimeUnit.SECONDS.toMillis(10));
    }

    private static class Callbacks implements MqttCallback {
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
