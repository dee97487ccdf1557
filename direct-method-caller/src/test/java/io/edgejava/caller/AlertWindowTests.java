package io.edgejava.caller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertWindowTests {

    /** A clock the test moves by hand. */
    static final class TestClock extends Clock {
        private Instant now = Instant.parse("2025-06-01T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final TestClock clock = new TestClock();
    private final AlertWindow window = new AlertWindow(5, Duration.ofSeconds(60), clock);

    private List<AlertWindow.Tally> alerts(int count, Duration apart) {
        List<AlertWindow.Tally> tallies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tallies.add(window.record(clock.instant()));
            clock.advance(apart);
        }
        return tallies;
    }

    @Test
    void theFifthAlertWithinTheWindowMakesACoolDownDue() {
        List<AlertWindow.Tally> tallies = alerts(5, Duration.ofSeconds(10));

        assertThat(tallies)
                .containsExactly(
                        new AlertWindow.Tally(1, false, true),
                        new AlertWindow.Tally(2, false, true),
                        new AlertWindow.Tally(3, false, true),
                        new AlertWindow.Tally(4, false, true),
                        new AlertWindow.Tally(5, true, true));
    }

    @Test
    void alertsOlderThanTheWindowNoLongerCount() {
        alerts(4, Duration.ofSeconds(20));
        // The first alert is now 80 s old, the second 60 s: only the last two still count.

        assertThat(window.record(clock.instant())).isEqualTo(new AlertWindow.Tally(3, false, true));
    }

    @Test
    void slowAlertsNeverMakeACoolDownDue() {
        assertThat(alerts(20, Duration.ofSeconds(16)))
                .allSatisfy(tally -> assertThat(tally.coolDownDue()).isFalse());
    }

    @Test
    void afterACoolDownCountingStartsAfresh() {
        assertThat(alerts(5, Duration.ofSeconds(1)).get(4).coolDownDue()).isTrue();

        List<AlertWindow.Tally> next = alerts(5, Duration.ofSeconds(1));

        assertThat(next).extracting(AlertWindow.Tally::count).containsExactly(1, 2, 3, 4, 5);
        assertThat(next).filteredOn(AlertWindow.Tally::coolDownDue).hasSize(1);
        assertThat(next.get(4).coolDownDue()).isTrue();
    }

    @Test
    void aThresholdOfOneCoolsDownOnEveryAlert() {
        AlertWindow eager = new AlertWindow(1, Duration.ofSeconds(60), clock);

        assertThat(eager.record(clock.instant())).isEqualTo(new AlertWindow.Tally(1, true, true));
        clock.advance(Duration.ofMillis(1));
        assertThat(eager.record(clock.instant())).isEqualTo(new AlertWindow.Tally(1, true, true));
    }

    @Test
    void aBacklogOfAlertsThatHappenedBeforeTheWindowDoesNotMakeACoolDownDue() {
        Instant longAgo = clock.instant();
        // The caller was away for ten minutes; the hub kept the burst and delivers it now.
        clock.advance(Duration.ofMinutes(10));

        List<AlertWindow.Tally> backlog = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            backlog.add(window.record(longAgo.plusSeconds(i)));
        }

        assertThat(backlog)
                .allSatisfy(tally -> assertThat(tally.counted()).isFalse())
                .noneSatisfy(tally -> assertThat(tally.coolDownDue()).isTrue());
        assertThat(window.record(clock.instant())).isEqualTo(new AlertWindow.Tally(1, false, true));
    }

    @Test
    void alertsCountByWhenTheyHappenedNotWhenTheyArrived() {
        Instant start = clock.instant();
        clock.advance(Duration.ofSeconds(68));

        // Delivered together now: the first two happened 68 s and 63 s ago, outside the window.
        List<AlertWindow.Tally> tallies = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tallies.add(window.record(start.plusSeconds(5L * i)));
        }

        assertThat(tallies)
                .extracting(AlertWindow.Tally::counted)
                .containsExactly(false, false, true, true, true, true);
        assertThat(tallies).noneMatch(AlertWindow.Tally::coolDownDue);
        assertThat(window.record(clock.instant()).coolDownDue()).isTrue();
    }

    @Test
    void alertsThatHappenedBeforeACoolDownDoNotCountAgain() {
        Instant burst = clock.instant();
        clock.advance(Duration.ofSeconds(10));

        List<AlertWindow.Tally> backlog = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            backlog.add(window.record(burst.plusMillis(i)));
        }

        assertThat(backlog).filteredOn(AlertWindow.Tally::coolDownDue).hasSize(1);
        assertThat(backlog.subList(5, 10)).noneMatch(AlertWindow.Tally::counted);
    }

    @Test
    void refusesAThresholdOrWindowThatCannotWork() {
        assertThatThrownBy(() -> new AlertWindow(0, Duration.ofSeconds(60), clock))
                .hasMessageContaining("threshold must be 1 or more");
        assertThatThrownBy(() -> new AlertWindow(5, Duration.ZERO, clock))
                .hasMessageContaining("window must be longer than 0");
    }
}
