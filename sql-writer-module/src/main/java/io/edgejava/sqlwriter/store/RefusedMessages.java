package io.edgejava.sqlwriter.store;

import io.edgejava.edge.InvalidMessageException;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.messaging.MessageHandler;

/**
 * Messages the writer dead-lettered as invalid since it started, per input, for {@code GetStats}.
 * Unlike the other figures of {@code GetStats} these are not in the database: nothing of an invalid
 * message is written, and its dead letter is the lasting record.
 */
public final class RefusedMessages {

    private final AtomicLong readings = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();

    /**
     * @param handler the handler of input {@code readings}
     * @return the same handler, counting each reading it refuses as invalid
     */
    public MessageHandler countingReadings(MessageHandler handler) {
        return counting(handler, readings);
    }

    /**
     * @param handler the handler of input {@code batches}
     * @return the same handler, counting each claim check it refuses as invalid (the message or the
     *     file it names)
     */
    public MessageHandler countingBatches(MessageHandler handler) {
        return counting(handler, batches);
    }

    private static MessageHandler counting(MessageHandler handler, AtomicLong refused) {
        return message -> {
            try {
                handler.handleMessage(message);
            } catch (InvalidMessageException e) {
                refused.incrementAndGet();
                throw e;
            }
        };
    }

    long readings() {
        return readings.get();
    }

    long batches() {
        return batches.get();
    }
}
