package io.edgejava.hub.upstream;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The last messages routes sent to {@code $upstream}, newest last. */
public final class UpstreamLog {

    private final int capacity;
    private final Deque<UpstreamMessage> messages;

    /**
     * @param capacity how many messages to keep
     */
    public UpstreamLog(int capacity) {
        this.capacity = capacity;
        this.messages = new ArrayDeque<>(capacity);
    }

    /**
     * @param message a message a route sent upstream
     */
    public synchronized void record(UpstreamMessage message) {
        if (capacity == 0) {
            return;
        }
        if (messages.size() == capacity) {
            messages.removeFirst();
        }
        messages.addLast(message);
    }

    /**
     * @return the kept messages, oldest first
     */
    public synchronized List<UpstreamMessage> recent() {
        return new ArrayList<>(messages);
    }
}
