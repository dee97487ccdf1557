package io.edgejava.benchmarks;

import java.util.Arrays;

/** Percentiles of measured durations, in nanoseconds. */
final class Latencies {

    private final long[] sorted;

    Latencies(long[] nanos) {
        this.sorted = Arrays.stream(nanos).filter(value -> value > 0).sorted().toArray();
    }

    int count() {
        return sorted.length;
    }

    /**
     * @param fraction 0.5 for the median, 0.99 for p99
     * @return the value at that rank, in milliseconds; NaN when nothing was measured
     */
    double millis(double fraction) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(fraction * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1e6;
    }

    double maxMillis() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6;
    }
}
