package io.edgejava.filter;

import java.util.concurrent.atomic.AtomicLong;

/** What the filter has done since the module started, for the direct method {@code GetStats}. */
final class FilterStats {

    /**
     * The answer of {@code GetStats}.
     *
     * @param received readings handed to the filter (a redelivery is not counted again)
     * @param forwarded readings forwarded as alerts
     * @param rejected readings at or below the threshold
     * @param invalid messages that were not readings, sent to the dead-letter output
     * @param threshold the threshold in effect, °C
     */
    record Snapshot(long received, long forwarded, long rejected, long invalid, double threshold) {}

    private final AtomicLong received = new AtomicLong();
    private final AtomicLong forwarded = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong invalid = new AtomicLong();

    void received() {
        received.incrementAndGet();
    }

    void forwarded() {
        forwarded.incrementAndGet();
    }

    void rejected() {
        rejected.incrementAndGet();
    }

    void invalid() {
        invalid.incrementAndGet();
    }

    Snapshot snapshot(double threshold) {
        return new Snapshot(
                received.get(), forwarded.get(), rejected.get(), invalid.get(), threshold);
    }
}
