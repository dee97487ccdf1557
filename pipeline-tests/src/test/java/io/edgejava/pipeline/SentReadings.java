package io.edgejava.pipeline;

import io.edgejava.edge.contract.Topics;
import io.edgejava.hub.TestModule;
import io.edgejava.hub.testing.LocalHub;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * What the sensor sent, as the hub accepted it: the message ids of the readings the route {@code
 * sensorToFilter} delivers to filter-module's {@code input1}, watched by the hub's read-only
 * observer. The observer's session is persistent, so after a hub restart a new connection under the
 * same client id gets what was routed while it was away.
 */
final class SentReadings implements AutoCloseable {

    private static final String FILTER_INPUT = Topics.input(Pipeline.FILTER, "input1");

    private final LocalHub hub;
    private final String clientId;
    private final List<TestModule> connections = new CopyOnWriteArrayList<>();

    SentReadings(LocalHub hub, String clientId) throws MqttException {
        this.hub = hub;
        this.clientId = clientId;
        reconnect();
    }

    /** Connects again under the same client id: after the hub restarted, its session resumes. */
    void reconnect() throws MqttException {
        TestModule observer = hub.observe(clientId);
        observer.subscribe(FILTER_INPUT);
        connections.add(observer);
    }

    /**
     * @return how many messages arrived so far, repetitions included: a mark for {@link #since}
     */
    int mark() {
        return connections.stream().mapToInt(observer -> observer.received().size()).sum();
    }

    /**
     * @param mark a value of {@link #mark()}
     * @return the message ids of the readings that arrived after the mark, each once
     */
    Set<String> since(int mark) {
        Set<String> ids = new LinkedHashSet<>();
        int index = 0;
        for (TestModule observer : connections) {
            for (TestModule.Received received : observer.received()) {
                if (index++ >= mark) {
                    ids.add(received.property("$messageId"));
                }
            }
        }
        return ids;
    }

    /**
     * @param mark a value of {@link #mark()}
     * @return the sensor's {@code sequenceNumber}s of the readings that arrived after the mark: the
     *     sensor numbers the readings the hub acknowledged, so a gap is a reading the hub took and
     *     then lost before routing it
     */
    SortedSet<Long> sequenceNumbersSince(int mark) {
        SortedSet<Long> numbers = new TreeSet<>();
        int index = 0;
        for (TestModule observer : connections) {
            for (TestModule.Received received : observer.received()) {
                if (index++ >= mark) {
                    numbers.add(Long.parseLong(received.property("sequenceNumber")));
                }
            }
        }
        return numbers;
    }

    @Override
    public void close() throws MqttException {
        for (TestModule observer : connections) {
            observer.close();
        }
    }
}
