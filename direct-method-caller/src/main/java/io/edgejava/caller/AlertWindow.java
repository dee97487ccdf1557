package io.edgejava.caller;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Counts alerts in a sliding window: when {@code threshold} alerts have arrived within {@code
 * window}, the machine needs cooling down, and counting starts afresh, so that one burst causes one
 * reset and not one per further alert.
 */
final class AlertWindow {

    /**
     * What one alert did to the window.
     *
     * @param count alerts within the window, this one included (the threshold when it is reached)
     * @param coolDownDue whether this alert reached the threshold
     */
    record Tally(int count, boolean coolDownDue) {}

    private final int threshold;
    private final Duration window;
    private final Clock clock;
    private final Deque<Instant> alerts = new ArrayDeque<>();

    AlertWindow(int threshold, Duration window, Clock clock) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be 1 or more, not " + threshold);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be longer than 0, not " + window);
        }
        this.threshold = threshold;
        this.window = window;
        this.clock = clock;
    }

    /**
     * Counts an alert that arrived now.
     *
     * @return the tally after it
     */
    synchronized Tally record() {
        Instant now = clock.instant();
        Instant oldestCounted = now.minus(window);
        while (!alerts.isEmpty() && !alerts.peekFirst().isAfter(oldestCounted)) {
            alerts.removeFirst();
        }
        alerts.addLast(now);
        int count = alerts.size();
        if (count < threshold) {
            return new Tally(count, false);
        }
        alerts.clear();
        return new Tally(count, true);
    }
}
