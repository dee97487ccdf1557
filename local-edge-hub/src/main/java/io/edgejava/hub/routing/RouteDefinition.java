package io.edgejava.hub.routing;

import java.util.Objects;

/**
 * One entry of the {@code routes} of {@code $edgeHub}'s desired properties, as read from a
 * deployment manifest, before it is checked.
 *
 * <p>Schema 1.0 routes are plain strings ({@code "r1": "FROM /messages/* INTO $upstream"}): no
 * priority, no time to live. Schema 1.1 routes may be objects with {@code route}, {@code priority}
 * and {@code timeToLiveSecs}. {@link RouteTable#compile} validates all of it.
 *
 * @param name the route's key in {@code routes}
 * @param text the route, {@code FROM <source> [WHERE <condition>] INTO <sink>}; {@code null} is
 *     reported as an empty route
 * @param priority 0 (highest) to 9 (lowest), or {@code null} for none
 * @param timeToLiveSecs how long messages on this route may wait for delivery; {@code null} or 0
 *     means the hub's default, as in edgeHub
 */
public record RouteDefinition(String name, String text, Integer priority, Long timeToLiveSecs) {

    /**
     * Checks the name is present.
     *
     * @throws NullPointerException if {@code name} is {@code null}
     */
    public RouteDefinition {
        Objects.requireNonNull(name, "name");
    }

    /**
     * A schema 1.0 route: text only.
     *
     * @param name the route's name
     * @param text the route
     * @return the definition, without priority or time to live
     */
    public static RouteDefinition of(String name, String text) {
        return new RouteDefinition(name, text, null, null);
    }
}
