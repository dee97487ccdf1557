package io.edgejava.hub.routing;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds messages and routes for the routing tests. */
final class TestMessages {

    /** The module and output {@link #conditionRoute(String)} takes messages from. */
    static final String MODULE = "sensor";

    static final String OUTPUT = "temperature";

    private final String moduleId;
    private final String outputName;
    private final Map<String, String> system = new LinkedHashMap<>();
    private final Map<String, String> application = new LinkedHashMap<>();
    private byte[] body = new byte[0];

    private TestMessages(String moduleId, String outputName) {
        this.moduleId = moduleId;
        this.outputName = outputName;
    }

    /** A message from {@link #MODULE} on {@link #OUTPUT}. */
    static TestMessages message() {
        return new TestMessages(MODULE, OUTPUT);
    }

    static TestMessages from(String moduleId, String outputName) {
        return new TestMessages(moduleId, outputName);
    }

    TestMessages app(String name, String value) {
        application.put(name, value);
        return this;
    }

    TestMessages sys(String name, String value) {
        system.put(name, value);
        return this;
    }

    /** A UTF-8 JSON body, with the content type and encoding that make it queryable. */
    TestMessages json(String json) {
        return body(json, "utf-8", StandardCharsets.UTF_8).sys("$contentType", "application/json");
    }

    /** A body in some charset, declaring an encoding (and no content type). */
    TestMessages body(String text, String declaredEncoding, Charset charset) {
        this.body = text.getBytes(charset);
        return sys("$contentEncoding", declaredEncoding);
    }

    TestMessages bytes(byte[] body) {
        this.body = body;
        return this;
    }

    RoutableMessage build() {
        return new RoutableMessage(moduleId, outputName, system, application, body);
    }

    /** A route from {@link #MODULE}/{@link #OUTPUT} to $upstream with this condition. */
    static String conditionRoute(String condition) {
        return "FROM /messages/modules/"
                + MODULE
                + "/outputs/"
                + OUTPUT
                + " WHERE "
                + condition
                + " INTO $upstream";
    }

    /** Compiles routes named r1, r2, ... with no priority or time to live. */
    static RouteTable table(String... routes) {
        List<RouteDefinition> definitions =
                java.util.stream.IntStream.range(0, routes.length)
                        .mapToObj(i -> RouteDefinition.of("r" + (i + 1), routes[i]))
                        .toList();
        return RouteTable.compile(definitions, Duration.ofHours(2));
    }

    /** Compiles one route. */
    static Route compile(String route) {
        return table(route).routes().get(0);
    }

    /** What a condition says about a message, seen through the public routing decision. */
    static Outcome outcome(String condition, RoutableMessage message) {
        RoutingDecision decision = table(conditionRoute(condition)).route(message);
        if (!decision.matched().isEmpty()) {
            return Outcome.TRUE;
        }
        return decision.undefined().isEmpty() ? Outcome.FALSE : Outcome.UNDEFINED;
    }

    /** The compile error of a route, or fails. */
    static RouteSyntaxException compileError(String route) {
        try {
            table(route);
        } catch (RouteSyntaxException expected) {
            return expected;
        }
        throw new AssertionError("route compiled but should not have: " + route);
    }
}
