package io.edgejava.hub.routing;

import static io.edgejava.hub.routing.TestMessages.compile;
import static io.edgejava.hub.routing.TestMessages.from;
import static io.edgejava.hub.routing.TestMessages.message;
import static io.edgejava.hub.routing.TestMessages.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Compiling a set of routes and deciding where messages go. */
class RouteTableTests {

    private static final Duration DEFAULT_TTL = Duration.ofHours(2);

    private static final RouteSink FILTER = new RouteSink.ModuleInput("filter", "in");
    private static final RouteSink UPSTREAM = new RouteSink.Upstream();

    private static RouteTable compileAll(RouteDefinition... definitions) {
        return RouteTable.compile(List.of(definitions), DEFAULT_TTL);
    }

    private static RouteDefinition toFilter(String name, Integer priority) {
        return new RouteDefinition(
                name,
                "FROM /messages/* INTO BrokeredEndpoint(\"/modules/filter/inputs/in\")",
                priority,
                null);
    }

    @Test
    void compiledRoutesKeepDefinitionOrderAndParts() {
        RouteTable routes =
                compileAll(
                        new RouteDefinition(
                                "hot",
                                "FROM /messages/modules/sensor/outputs/temp WHERE $body.t > 30 INTO $upstream",
                                0,
                                60L),
                        toFilter("all", null));

        assertThat(routes.routes())
                .containsExactly(
                        new Route(
                                "hot",
                                "FROM /messages/modules/sensor/outputs/temp WHERE $body.t > 30 INTO $upstream",
                                RouteSource.moduleOutput("sensor", "temp"),
                                UPSTREAM,
                                0,
                                Duration.ofSeconds(60)),
                        new Route(
                                "all",
                                "FROM /messages/* INTO BrokeredEndpoint(\"/modules/filter/inputs/in\")",
                                RouteSource.allMessages(),
                                FILTER,
                                Route.UNPRIORITIZED,
                                DEFAULT_TTL));
        assertThat(routes.routes().get(0).hasCondition()).isTrue();
        assertThat(routes.routes().get(1).hasCondition()).isFalse();
        assertThat(routes.routes().get(0).isPrioritized()).isTrue();
        assertThat(routes.routes().get(1).isPrioritized()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "SELECT * FROM /messages/* WHERE true INTO $upstream",
                "select * from /messages/* where true into $upstream",
                "  FROM /messages/*   WHERE   true   INTO   $upstream  ",
                "FROM\n/messages/*\nWHERE true\nINTO $upstream",
            })
    void keywordsIgnoreCaseAndSelectStarIsOptional(String text) {
        RouteTable routes = table(text);

        assertThat(routes.route(message().build()).deliveries())
                .extracting(Delivery::sink)
                .containsExactly(UPSTREAM);
    }

    @Test
    void aRouteWithoutConditionTakesEveryMessageFromItsSource() {
        RouteTable routes = table("FROM /messages/modules/sensor/* INTO $upstream");

        assertThat(routes.route(from("sensor", "a").build()).matched()).hasSize(1);
        assertThat(routes.route(from("sensor", null).build()).matched()).hasSize(1);
        assertThat(routes.route(from("filter", "a").build()).matched()).isEmpty();
    }

    @Test
    void theHighestPriorityRouteDecidesEachSink() {
        RouteTable routes =
                compileAll(
                        toFilter("low", 7),
                        toFilter("high", 1),
                        toFilter("none", null),
                        new RouteDefinition("up", "FROM /* INTO $upstream", 4, 30L));

        RoutingDecision decision = routes.route(message().build());

        assertThat(decision.deliveries())
                .extracting(d -> d.sink(), d -> d.route().name())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(FILTER, "high"),
                        org.assertj.core.groups.Tuple.tuple(UPSTREAM, "up"));
        assertThat(decision.matched())
                .extracting(Route::name)
                .containsExactly("low", "high", "none", "up");
        assertThat(decision.undefined()).isEmpty();
    }

    @Test
    void anyPriorityRanksAboveNone() {
        RouteTable routes = compileAll(toFilter("none", null), toFilter("lowest", 9));

        assertThat(routes.route(message().build()).deliveries())
                .singleElement()
                .extracting(d -> d.route().name())
                .isEqualTo("lowest");
    }

    @ParameterizedTest(name = "priorities {0} and {1}: {2} wins")
    @CsvSource(
            nullValues = "none",
            value = {"3, 3, first", "none, none, first", "5, 2, second"})
    void onATieTheRouteDefinedFirstWins(Integer first, Integer second, String winner) {
        RouteTable routes = compileAll(toFilter("first", first), toFilter("second", second));

        assertThat(routes.route(message().build()).deliveries())
                .singleElement()
                .extracting(d -> d.route().name())
                .isEqualTo(winner);
    }

    @Test
    void routesWhoseConditionIsFalseOrUndefinedDeliverNothing() {
        RouteTable routes =
                table(
                        "FROM /* WHERE kind = 'alert' INTO $upstream",
                        "FROM /* WHERE missing = 'x' INTO BrokeredEndpoint('/modules/filter/inputs/in')",
                        "FROM /messages/modules/other/* WHERE missing = 'x' INTO $upstream");

        RoutingDecision decision = routes.route(message().app("kind", "info").build());

        assertThat(decision.deliveries()).isEmpty();
        assertThat(decision.matched()).isEmpty();
        assertThat(decision.undefined()).extracting(Route::name).containsExactly("r2");
    }

    @Test
    void deliveriesFollowTheOrderInWhichSinksFirstMatch() {
        RouteTable routes =
                table(
                        "FROM /* INTO BrokeredEndpoint('/modules/b/inputs/in')",
                        "FROM /* INTO BrokeredEndpoint('/modules/a/inputs/in')",
                        "FROM /* INTO BrokeredEndpoint('/modules/b/inputs/in')");

        assertThat(routes.route(message().build()).deliveries())
                .extracting(Delivery::sink)
                .containsExactly(
                        new RouteSink.ModuleInput("b", "in"), new RouteSink.ModuleInput("a", "in"));
    }

    @ParameterizedTest(name = "timeToLiveSecs {0} gives {1} seconds")
    @CsvSource(
            nullValues = "none",
            value = {"none, 7200", "0, 7200", "1, 1", "86400, 86400"})
    void aRouteWithoutItsOwnTimeToLiveGetsTheDefault(Long timeToLiveSecs, long expectedSeconds) {
        RouteTable routes =
                compileAll(
                        new RouteDefinition("r", "FROM /* INTO $upstream", null, timeToLiveSecs));

        assertThat(routes.routes().get(0).timeToLive())
                .isEqualTo(Duration.ofSeconds(expectedSeconds));
    }

    @ParameterizedTest(name = "priority {0}")
    @ValueSource(ints = {-1, 10, 100, Integer.MIN_VALUE})
    void aPriorityOutsideZeroToNineIsAnError(int priority) {
        assertThatThrownBy(
                        () ->
                                compileAll(
                                        new RouteDefinition(
                                                "bad", "FROM /* INTO $upstream", priority, null)))
                .isInstanceOfSatisfying(
                        RouteSyntaxException.class,
                        e -> {
                            assertThat(e.routeName()).isEqualTo("bad");
                            assertThat(e.position()).isEqualTo(RouteSyntaxException.NO_POSITION);
                            assertThat(e.getMessage())
                                    .isEqualTo(
                                            "route 'bad': priority "
                                                    + priority
                                                    + " is out of range; use 0 (highest) to 9"
                                                    + " (lowest), or none");
                        });
    }

    @Test
    void aNegativeTimeToLiveIsAnError() {
        assertThatThrownBy(
                        () ->
                                compileAll(
                                        new RouteDefinition(
                                                "bad", "FROM /* INTO $upstream", null, -5L)))
                .isInstanceOf(RouteSyntaxException.class)
                .hasMessage("route 'bad': timeToLiveSecs -5 is negative");
    }

    @Test
    void twoRoutesWithTheSameNameAreAnError() {
        assertThatThrownBy(() -> compileAll(toFilter("twice", 1), toFilter("twice", 2)))
                .isInstanceOf(RouteSyntaxException.class)
                .hasMessage("route 'twice': another route has the same name");
    }

    @Test
    void theFirstInvalidRouteIsReported() {
        assertThatThrownBy(
                        () ->
                                compileAll(
                                        toFilter("fine", 1),
                                        RouteDefinition.of("broken1", "FROM /* INTO"),
                                        RouteDefinition.of("broken2", "")))
                .isInstanceOfSatisfying(
                        RouteSyntaxException.class,
                        e -> assertThat(e.routeName()).isEqualTo("broken1"));
    }

    @Test
    void noRoutesRouteNothing() {
        RoutingDecision decision = compileAll().route(message().build());

        assertThat(decision.deliveries()).isEmpty();
        assertThat(decision.matched()).isEmpty();
        assertThat(decision.undefined()).isEmpty();
    }

    @Test
    void compileRejectsProgrammingErrors() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RouteTable.compile(List.of(), Duration.ofSeconds(-1)));
        assertThatNullPointerException().isThrownBy(() -> RouteTable.compile(null, DEFAULT_TTL));
        assertThatNullPointerException()
                .isThrownBy(() -> RouteDefinition.of(null, "FROM /* INTO $upstream"));
    }

    @Test
    void routeAndDeliveryCheckTheirComponents() {
        Route route = compile("FROM /* INTO $upstream");

        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> new Route("r", "t", RouteSource.all(), UPSTREAM, 10, DEFAULT_TTL));
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () ->
                                new Route(
                                        "r",
                                        "t",
                                        RouteSource.all(),
                                        UPSTREAM,
                                        0,
                                        Duration.ofSeconds(-1)));
        assertThatIllegalArgumentException().isThrownBy(() -> new Delivery(FILTER, route));
    }

    @Test
    void routableMessagesCopyTheirPropertiesAndCompareBodiesByContent() {
        java.util.Map<String, String> properties = new java.util.HashMap<>();
        properties.put("a", "1");
        RoutableMessage first = new RoutableMessage("m", "o", null, properties, "x".getBytes());
        properties.put("a", "2");
        RoutableMessage second =
                new RoutableMessage(
                        "m", "o", java.util.Map.of(), java.util.Map.of("a", "1"), "x".getBytes());

        assertThat(first.applicationProperties()).containsEntry("a", "1");
        assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
        assertThat(first.toString()).contains("body=1 bytes");
        assertThat(new RoutableMessage("m", null, null, null, null).body()).isEmpty();
    }

    @Test
    void routingIsSafeFromManyThreads() throws Exception {
        RouteTable routes =
                table(
                        "FROM /messages/modules/sensor/* WHERE $body.temperature > 30 INTO $upstream",
                        "FROM /* WHERE $body.temperature <= 30 INTO BrokeredEndpoint('/modules/filter/inputs/in')");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                tasks.add(
                        () -> {
                            for (int i = 0; i < 2_000; i++) {
                                int temperature = i % 61;
                                RoutableMessage m =
                                        from("sensor", "out")
                                                .json("{\"temperature\": " + temperature + "}")
                                                .build();
                                RouteSink expected = temperature > 30 ? UPSTREAM : FILTER;
                                List<Delivery> deliveries = routes.route(m).deliveries();
                                if (deliveries.size() != 1
                                        || !deliveries.get(0).sink().equals(expected)) {
                                    return false;
                                }
                            }
                            return true;
                        });
            }
            for (Future<Boolean> result : pool.invokeAll(tasks)) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
