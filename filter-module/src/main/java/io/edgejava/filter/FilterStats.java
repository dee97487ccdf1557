package io.edgejava.filter;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the filter has done since the module started, for the direct method {@code GetStats}.
 *
 * <p>The counters are at-least-once: a redelivery within one delivery (the hub's retries, {@code
 * edge.deliveryAttempt} above 1) is not counted again, but a reading the hub delivers again after a
 * reconnect, because its acknowledgement was lost, is counted again.
 */
final class FilterStats {

    /**
     * The answer of {@code GetStats}.
     *
     * @param received readings handed to the filter (a redelivery is not counted again)
     * @param forwarded readings forwarded as alerts
     * @param rejected readings at or below the threshold
     * @param invalid messages that were not readings, sent to the dead-letter output
     * @param failed alerts the hub refused on every delivery attempt, sent to the dead-letter
     *     output
     * @param threshold the threshold in effect, °C
     */
    record Snapshot(
            long received,
            long forwarded,
            long rejected,
            long invalid,
            long failed,
            double threshold) {}

    private final AtomicLong received = new AtomicLong();
    private final AtomicLong forwarded = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong invalid = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

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

    void failed() {
        failed.incrementAndGet();
    }

    Snapshot snapshot(double threshold) {
        return new Snapshot(
                received.get(),
                forwarded.get(),
                rejected.get(),
                invalid.get(),
                failed.get(),
                threshold);
    }
}
