package io.edgejava.hub.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The compiled routes of a deployment, and the routing decision for each message.
 *
 * <p>Compile once when the routes change, then call {@link #route(RoutableMessage)} for every
 * message. A table is immutable and thread-safe; routing compiles nothing and parses a JSON body at
 * most once per message, and only if a route whose source took the message queries it.
 *
 * <pre>{@code
 * RouteTable table = RouteTable.compile(List.of(
 *         RouteDefinition.of("toFilter",
 *                 "FROM /messages/modules/sensor/outputs/* INTO BrokeredEndpoint(\"/modules/filter/inputs/in\")"),
 *         new RouteDefinition("hot", "FROM /messages/* WHERE $body.temperature > 30 INTO $upstream", 0, 60L)),
 *         Duration.ofHours(2));
 * RoutingDecision decision = table.route(message);
 * }</pre>
 */
public final class RouteTable {

    private record CompiledRoute(Route route, Condition condition) {}

    private final List<Route> routes;
    private final CompiledRoute[] compiled;

    private RouteTable(List<CompiledRoute> compiled) {
        this.compiled = compiled.toArray(CompiledRoute[]::new);
        this.routes = compiled.stream().map(CompiledRoute::route).toList();
    }

    /**
     * Compiles routes, checking everything edgeHub checks (and a little more: text after the sink,
     * and sources and sinks local-edge-hub cannot serve).
     *
     * @param definitions the routes, in the order ties between equal priorities are broken
     * @param defaultTimeToLive the time to live of routes that state none (or state 0)
     * @return the table
     * @throws RouteSyntaxException for the first route that is invalid
     * @throws NullPointerException if an argument or a definition is {@code null}
     * @throws IllegalArgumentException if {@code defaultTimeToLive} is negative
     */
    public static RouteTable compile(
            List<RouteDefinition> definitions, Duration defaultTimeToLive) {
        Objects.requireNonNull(definitions, "definitions");
        Objects.requireNonNull(defaultTimeToLive, "defaultTimeToLive");
        if (defaultTimeToLive.isNegative()) {
            throw new IllegalArgumentException(
                    "defaultTimeToLive " + defaultTimeToLive + " is negative");
        }
        List<CompiledRoute> compiled = new ArrayList<>(definitions.size());
        Set<String> names = new HashSet<>();
        for (RouteDefinition definition : definitions) {
            Objects.requireNonNull(definition, "definition");
            if (!names.add(definition.name())) {
                throw new RouteSyntaxException(
                        definition.name(),
                        definition.text(),
                        RouteSyntaxException.NO_POSITION,
                        "another route has the same name");
            }
            RouteParser.ParsedRoute parsed =
                    RouteParser.parse(definition.name(), definition.text());
            Route route =
                    new Route(
                            definition.name(),
                            definition.text(),
                            parsed.source(),
                            parsed.sink(),
                            priorityOf(definition),
                            timeToLiveOf(definition, defaultTimeToLive));
            compiled.add(new CompiledRoute(route, parsed.condition()));
        }
        return new RouteTable(compiled);
    }

    private static int priorityOf(RouteDefinition definition) {
        Integer priority = definition.priority();
        if (priority == null) {
            return Route.UNPRIORITIZED;
        }
        if (priority < Route.HIGHEST_PRIORITY || priority > Route.LOWEST_PRIORITY) {
            throw new RouteSyntaxException(
                    definition.name(),
                    definition.text(),
                    RouteSyntaxException.NO_POSITION,
                    "priority "
                            + priority
                            + " is out of range; use 0 (highest) to 9 (lowest), or none");
        }
        return priority;
    }

    private static Duration timeToLiveOf(RouteDefinition definition, Duration defaultTimeToLive) {
        Long seconds = definition.timeToLiveSecs();
        if (seconds != null && seconds < 0) {
            throw new RouteSyntaxException(
                    definition.name(),
                    definition.text(),
                    RouteSyntaxException.NO_POSITION,
                    "timeToLiveSecs " + seconds + " is negative");
        }
        // edgeHub reads a missing timeToLiveSecs as 0, and 0 as "the hub's default".
        return seconds == null || seconds == 0 ? defaultTimeToLive : Duration.ofSeconds(seconds);
    }

    /**
     * The compiled routes.
     *
     * @return the routes, in definition order; unmodifiable
     */
    public List<Route> routes() {
        return routes;
    }

    /**
     * Decides where a message goes.
     *
     * @param message a message a module sent
     * @return the sinks, and which routes matched or were undefined
     */
    public RoutingDecision route(RoutableMessage message) {
        Objects.requireNonNull(message, "message");
        MessageScope scope = new MessageScope(message);
        List<Route> matched = new ArrayList<>();
        List<Route> undefined = new ArrayList<>();
        Map<RouteSink, Route> bestBySink = new LinkedHashMap<>();
        for (CompiledRoute candidate : compiled) {
            Route route = candidate.route();
            if (!route.source().matches(message.moduleId(), message.outputName())) {
                continue;
            }
            Outcome outcome =
                    candidate.condition() == null
                            ? Outcome.TRUE
                            : candidate.condition().evaluate(scope);
            if (outcome == Outcome.TRUE) {
                matched.add(route);
                // Lower number, higher priority; on a tie the earlier route stays.
                bestBySink.merge(
                        route.sink(),
                        route,
                        (best, challenger) ->
                                challenger.priority() < best.priority() ? challenger : best);
            } else if (outcome == Outcome.UNDEFINED) {
                undefined.add(route);
            }
        }
        List<Delivery> deliveries = new ArrayList<>(bestBySink.size());
        bestBySink.forEach((sink, route) -> deliveries.add(new Delivery(sink, route)));
        return new RoutingDecision(deliveries, matched, undefined);
    }

    @Override
    public String toString() {
        return "RouteTable" + routes.stream().map(Route::name).toList();
    }
}
