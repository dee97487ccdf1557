package io.edgejava.hub.routing;

import java.time.Duration;
import java.util.Objects;

/**
 * A compiled route: a name, where messages come from, where they go, with which priority and time
 * to live. {@link RouteTable} holds the compiled condition alongside.
 *
 * @param name the route's key in {@code $edgeHub}'s {@code routes}
 * @param text the route as written
 * @param source which messages it takes
 * @param sink where it sends them
 * @param priority 0 (highest) to 9 (lowest), or {@link #UNPRIORITIZED} for a route without one,
 *     which ranks below every prioritized route
 * @param timeToLive how long a message on this route may wait for delivery
 */
public record Route(
        String name,
        String text,
        RouteSource source,
        RouteSink sink,
        int priority,
        Duration timeToLive) {

    /**
     * The priority of a route that has none: {@link Integer#MAX_VALUE}, so that comparing
     * priorities numerically (lower wins) ranks it below all of 0..9. edgeHub does the same with
     * its own constant (2,000,000,000).
     */
    public static final int UNPRIORITIZED = Integer.MAX_VALUE;

    /** The highest priority. */
    public static final int HIGHEST_PRIORITY = 0;

    /** The lowest priority a route may state. */
    public static final int LOWEST_PRIORITY = 9;

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component other than {@code priority} is {@code null}
     * @throws IllegalArgumentException if the priority is neither 0..9 nor {@link #UNPRIORITIZED},
     *     or the time to live is negative
     */
    public Route {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(timeToLive, "timeToLive");
        if (!isValidPriority(priority)) {
            throw new IllegalArgumentException("priority " + priority + " is not 0..9");
        }
        if (timeToLive.isNegative()) {
            throw new IllegalArgumentException("timeToLive " + timeToLive + " is negative");
        }
    }

    /**
     * Whether the route has a {@code WHERE} clause.
     *
     * @return {@code false} for a route that takes every message from its source
     */
    public boolean hasCondition() {
        return RouteLexer.hasWhereKeyword(text);
    }

    /**
     * Whether the route states a priority.
     *
     * @return {@code false} when {@link #priority()} is {@link #UNPRIORITIZED}
     */
    public boolean isPrioritized() {
        return priority != UNPRIORITIZED;
    }

    static boolean isValidPriority(int priority) {
        return priority == UNPRIORITIZED
                || (priority >= HIGHEST_PRIORITY && priority <= LOWEST_PRIORITY);
    }
}
