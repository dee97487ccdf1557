package io.edgejava.filter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FilterStatsTests {

    @Test
    void countsEachOutcomeAndShowsTheThresholdInEffect() {
        FilterStats stats = new FilterStats();
        stats.received();
        stats.received();
        stats.received();
        stats.received();
        stats.received();
        stats.forwarded();
        stats.rejected();
        stats.rejected();
        stats.invalid();
        stats.failed();

        assertThat(stats.snapshot(27.5)).isEqualTo(new FilterStats.Snapshot(5, 1, 2, 1, 1, 27.5));
    }

    @Test
    void startsAtZero() {
        assertThat(new FilterStats().snapshot(25))
                .isEqualTo(new FilterStats.Snapshot(0, 0, 0, 0, 0, 25));
    }
}
