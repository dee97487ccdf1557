package io.edgejava.caller;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/**
 * Counts alerts in a sliding window by when they happened, not when they arrived: when {@code
 * threshold} alerts happened within the {@code window} before now, the machine needs cooling down,
 * and counting starts afresh, so that one burst causes one reset and not one per further alert.
 *
 * <p>Arrival time would be wrong after the caller was away: the hub keeps the alerts for it, and a
 * backlog delivered at once would look like a burst although the machine cooled long ago. So an
 * alert that happened before the window, or before the last cool-down (the reset already dealt with
 * it), is not counted.
 */
final class AlertWindow {

    /**
     * What one alert did to the window.
     *
     * @param count alerts within the window, this one included (the threshold when it is reached)
     * @param coolDownDue whether this alert reached the threshold
     * @param counted whether this alert was counted; {@code false} when it happened before the
     *     window or before the last cool-down
     */
    record Tally(int count, boolean coolDownDue, boolean counted) {}

    private final int threshold;
    private final Duration window;
    private final Clock clock;

    /** Ordered by when they happened: a backlog need not arrive in order. */
    private final PriorityQueue<Instant> alerts = new PriorityQueue<>();

    private Instant lastCoolDown = Instant.MIN;

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
     * Counts an alert that happened at {@code happened}.
     *
     * @param happened when the alert happened; a time ahead of this clock counts as now
     * @return the tally after it
     */
    synchronized Tally record(Instant happened) {
        Instant now = clock.instant();
        Instant oldestCounted = now.minus(window);
        while (!alerts.isEmpty() && !alerts.peek().isAfter(oldestCounted)) {
            alerts.remove();
        }
        if (!happened.isAfter(oldestCounted) || !happened.isAfter(lastCoolDown)) {
            return new Tally(alerts.size(), false, false);
        }
        alerts.add(happened.isAfter(now) ? now : happened);
        int count = alerts.size();
        if (count < threshold) {
            return new Tally(count, false, true);
        }
        alerts.clear();
        lastCoolDown = now;
        return new Tally(count, true, true);
    }
}
