package io.edgejava.hub.routing;

import java.util.List;

/**
 * Where one message goes, and why.
 *
 * @param deliveries one per distinct sink among the matched routes, in the order the sinks first
 *     appear among them; each carries the route with the highest priority for that sink (the first
 *     defined, on a tie)
 * @param matched every route whose source took the message and whose condition was true, in
 *     definition order
 * @param undefined every route whose source took the message but whose condition was undefined (a
 *     missing property, a body that is not JSON...): such a route routes nothing, and edgeHub
 *     counts these
 */
public record RoutingDecision(
        List<Delivery> deliveries, List<Route> matched, List<Route> undefined) {

    /** Copies the lists. */
    public RoutingDecision {
        deliveries = List.copyOf(deliveries);
        matched = List.copyOf(matched);
        undefined = List.copyOf(undefined);
    }
}
