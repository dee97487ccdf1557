package io.edgejava.edge.testing;

import io.edgejava.edge.DesiredProperties;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.messaging.Message;

/** What a {@link ContractModule} received, in order, for the tests to look at. */
public final class Inbox {

    /** A message and the input it came on. */
    public record Entry(String input, Message<?> message) {}

    private final List<Entry> messages = new CopyOnWriteArrayList<>();
    private final List<DesiredProperties> desired = new CopyOnWriteArrayList<>();

    void add(String input, Message<?> message) {
        messages.add(new Entry(input, message));
    }

    void desired(DesiredProperties properties) {
        desired.add(properties);
    }

    /**
     * @return every message received so far
     */
    public List<Entry> messages() {
        return messages;
    }

    /**
     * @return the messages received on one input whose body contains {@code text}
     */
    public List<Entry> on(String input, String text) {
        return messages.stream()
                .filter(entry -> entry.input().equals(input))
                .filter(entry -> body(entry.message()).contains(text))
                .toList();
    }

    /**
     * @return every desired properties update, in order
     */
    public List<DesiredProperties> desired() {
        return desired;
    }

    static String body(Message<?> message) {
        return message.getPayload() instanceof byte[] bytes
                ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                : String.valueOf(message.getPayload());
    }
}
