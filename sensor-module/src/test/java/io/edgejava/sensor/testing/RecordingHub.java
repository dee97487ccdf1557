package io.edgejava.sensor.testing;

import io.edgejava.edge.DesiredProperties;
import io.edgejava.edge.EdgeHub;
import io.edgejava.edge.HubRefusedException;
import io.edgejava.edge.MethodResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.SubscribableChannel;

/**
 * A hub for unit tests: keeps what the module sends and reports, and refuses the next sends when
 * told to, as the real hub refuses a message it cannot take.
 */
public final class RecordingHub implements EdgeHub {

    /**
     * A message sent to an output.
     *
     * @param output the output
     * @param message the message
     */
    public record Sent(String output, Message<?> message) {}

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final List<Map<String, ?>> reported = new CopyOnWriteArrayList<>();
    private final AtomicInteger refuseNext = new AtomicInteger();
    private final Set<String> inputNames = ConcurrentHashMap.newKeySet();

    /**
     * @param count how many of the next sends the hub refuses
     */
    public void refuseNext(int count) {
        refuseNext.set(count);
    }

    public List<Sent> sent() {
        return sent;
    }

    public List<Message<?>> sentOn(String output) {
        return sent.stream().filter(s -> s.output().equals(output)).map(Sent::message).toList();
    }

    public List<Map<String, ?>> reported() {
        return reported;
    }

    @Override
    public String moduleId() {
        return "sensor-module";
    }

    @Override
    public SubscribableChannel input(String name) {
        inputNames.add(name);
        return new DirectChannel();
    }

    @Override
    public Set<String> inputNames() {
        return Set.copyOf(inputNames);
    }

    @Override
    public MessageChannel output(String name) {
        return (message, timeout) -> {
            if (refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new HubRefusedException(151, "refused by the test");
            }
            sent.add(new Sent(name, message));
            return true;
        };
    }

    @Override
    public CompletableFuture<MethodResponse> invoke(
            String module, String method, Object payload, Duration timeout) {
        throw new UnsupportedOperationException("the sensor calls no methods");
    }

    @Override
    public Optional<DesiredProperties> desiredProperties() {
        return Optional.empty();
    }

    @Override
    public CompletableFuture<Void> reportProperties(Map<String, ?> patch) {
        reported.add(Map.copyOf(patch));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean isConnected() {
        return true;
    }
}
