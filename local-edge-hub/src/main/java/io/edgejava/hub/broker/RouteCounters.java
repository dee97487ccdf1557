package io.edgejava.hub.broker;

import io.edgejava.hub.routing.Route;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Per route: how many messages it matched, how many copies it delivered (after priority dedup), and
 * how often its condition was undefined. Kept as adders on the hot path and read by Micrometer and
 * the admin API.
 */
public final class RouteCounters {

    /** One route's counts. */
    public static final class Counts {
        private final LongAdder matched = new LongAdder();
        private final LongAdder delivered = new LongAdder();
        private final LongAdder undefined = new LongAdder();

        /**
         * @return messages whose source matched and condition was true
         */
        public long matched() {
            return matched.sum();
        }

        /**
         * @return copies this route delivered
         */
        public long delivered() {
            return delivered.sum();
        }

        /**
         * @return messages whose condition evaluated to undefined
         */
        public long undefined() {
            return undefined.sum();
        }
    }

    private final Map<String, Counts> byRoute = new LinkedHashMap<>();

    public RouteCounters(List<Route> routes, MeterRegistry meters) {
        for (Route route : routes) {
            Counts counts = new Counts();
            byRoute.put(route.name(), counts);
            FunctionCounter.builder("hub.routes.matched", counts, Counts::matched)
                    .tag("route", route.name())
                    .description("Messages whose source matched and condition was true")
                    .register(meters);
            FunctionCounter.builder("hub.routes.delivered", counts, Counts::delivered)
                    .tag("route", route.name())
                    .description("Copies delivered by the route, after priority dedup")
                    .register(meters);
            FunctionCounter.builder("hub.routes.undefined", counts, Counts::undefined)
                    .tag("route", route.name())
                    .description("Messages whose condition evaluated to undefined")
                    .register(meters);
        }
    }

    /**
     * @param route a route name
     * @return its counts
     */
    public Counts of(String route) {
        return byRoute.get(route);
    }

    void matched(Route route) {
        byRoute.get(route.name()).matched.increment();
    }

    void delivered(Route route) {
        byRoute.get(route.name()).delivered.increment();
    }

    void undefined(Route route) {
        byRoute.get(route.name()).undefined.increment();
    }
}
