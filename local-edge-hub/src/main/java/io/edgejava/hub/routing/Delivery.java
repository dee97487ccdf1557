package io.edgejava.hub.routing;

import java.util.Objects;

/**
 * One sink a message goes to, and the route that decided it (which gives its priority and time to
 * live).
 *
 * @param sink where the message goes
 * @param route the highest-priority matching route into that sink
 */
public record Delivery(RouteSink sink, Route route) {

    /**
     * Checks both are present and agree.
     *
     * @throws NullPointerException if either is {@code null}
     * @throws IllegalArgumentException if the route goes into another sink
     */
    public Delivery {
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(route, "route");
        if (!sink.equals(route.sink())) {
            throw new IllegalArgumentException(
                    "route '" + route.name() + "' goes into " + route.sink() + ", not " + sink);
        }
    }
}
