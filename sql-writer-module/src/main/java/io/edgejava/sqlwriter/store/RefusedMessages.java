package io.edgejava.sqlwriter.store;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Messages the writer dead-lettered as invalid since it started, per input, for {@code GetStats}.
 * Unlike the other figures of {@code GetStats} these are not in the database: nothing of an invalid
 * message is written, and its dead letter is the lasting record.
 */
public final class RefusedMessages {

    private final AtomicLong readings = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();

    /** A reading was dead-lettered as invalid. */
    public void reading() {
        readings.incrementAndGet();
    }

    /** A claim check was dead-lettered as invalid (the message or the file it names). */
    public void batch() {
        batches.incrementAndGet();
    }

    long readings() {
        return readings.get();
    }

    long batches() {
        return batches.get();
    }
}
