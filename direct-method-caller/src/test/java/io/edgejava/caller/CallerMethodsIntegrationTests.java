package io.edgejava.caller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edgejava.hub.testing.LocalHub;
import io.edgejava.peers.stats.StatsPeer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The caller's calls against the real hub: the HTTP endpoint, and the scheduled {@code GetStats},
 * with a test module playing filter-module (and, in one test, sql-writer-module). sensor-module is
 * never connected here.
 */
class CallerMethodsIntegrationTests {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final JsonMapper json = JsonMapper.builder().build();

    static LocalHub hub;
    static ConfigurableApplicationContext filterPeer;
    static ConfigurableApplicationContext caller;
    static RestClient http;

    @BeforeAll
    static void start() {
        hub = LocalHub.withProjectManifest();
        filterPeer = hub.runModule(StatsPeer.class, "filter-module");
        caller =
                hub.runModule(
                        DirectMethodCallerApplication.class,
                        "direct-method-caller",
                        "--caller.stats.interval=300ms",
                        "--caller.stats.timeout=2s");
        http =
                RestClient.builder()
                        .baseUrl(
                                "http://127.0.0.1:"
                                        + caller.getEnvironment().getProperty("local.server.port"))
                        .defaultStatusHandler(status -> true, (request, response) -> {})
                        .build();
    }

    @AfterAll
    static void stop() {
        caller.close();
        filterPeer.close();
        hub.close();
    }

    record Reply(int status, JsonNode body) {}

    static Reply post(String uri, String body) {
        RestClient.RequestBodySpec request = http.post().uri(uri);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        ResponseEntity<String> response = request.retrieve().toEntity(String.class);
        return new Reply(response.getStatusCode().value(), json.readTree(response.getBody()));
    }

    static double calls(String module, String status) {
        Counter counter =
                caller.getBean(MeterRegistry.class)
                        .find("caller.calls")
                        .tags("module", module, "method", "GetStats", "status", status)
                        .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aCallByHandAnswersWithThePeersStatusAndPayload() {
        Reply reply = post("/invoke/filter-module/GetStats", "{}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("module").asString()).isEqualTo("filter-module");
        assertThat(reply.body().path("method").asString()).isEqualTo("GetStats");
        assertThat(reply.body().path("status").asInt()).isEqualTo(200);
        assertThat(reply.body().path("payload").path("received").asInt()).isEqualTo(42);
    }

    @Test
    void aCallByHandWithoutABodySendsAnEmptyObject() {
        Reply reply = post("/invoke/filter-module/GetStats?timeoutSeconds=5", null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("payload").path("received").asInt()).isEqualTo(42);
    }

    @Test
    void aPeersOwnErrorAnswerIsPassedOnAsItIs() {
        Reply reply = post("/invoke/filter-module/NoSuchMethod", "{}");

        assertThat(reply.status()).isEqualTo(501);
        assertThat(reply.body().path("status").asInt()).isEqualTo(501);
        assertThat(reply.body().path("payload").path("message").asString())
                .isEqualTo("module 'filter-module' has no direct method 'NoSuchMethod'");
    }

    @Test
    void aCallToAModuleThatIsNotConnectedAnswers404() {
        Reply reply = post("/invoke/sensor-module/Reset", "{}");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body().path("module").asString()).isEqualTo("sensor-module");
        assertThat(reply.body().path("method").asString()).isEqualTo("Reset");
        assertThat(reply.body().path("status").asInt()).isEqualTo(404);
        assertThat(reply.body().path("error").asString())
                .contains("module 'sensor-module' is not connected");
    }

    @Test
    void aHandlerSlowerThanTheTimeoutAnswers504() {
        Reply reply = post("/invoke/filter-module/Slow?timeoutSeconds=1", "{}");

        assertThat(reply.status()).isEqualTo(504);
        assertThat(reply.body().path("status").asInt()).isEqualTo(504);
        assertThat(reply.body().path("error").asString())
                .isEqualTo("module 'filter-module' did not answer method 'Slow' within 1000 ms");
    }

    @Test
    void theServletContainerWaitsLongerThanTheLongestTimeoutSoASlowCallStillAnswers504Json() {
        // A real call over 30 s would make this test slow; what decides it is the async request
        // timeout of the running module (without application.yml's help), checked here.
        Object asyncTimeout =
                ReflectionTestUtils.getField(
                        caller.getBean(RequestMappingHandlerAdapter.class), "asyncRequestTimeout");

        assertThat(asyncTimeout)
                .isInstanceOf(Long.class)
                .isEqualTo(CallerConfiguration.ASYNC_REQUEST_TIMEOUT.toMillis());
        assertThat(Duration.ofMillis((Long) asyncTimeout))
                .isGreaterThan(Duration.ofSeconds(InvokeController.MAX_TIMEOUT_SECONDS));
    }

    @Test
    void aHandlerThatThrowsAnswers500WithItsReason() {
        Reply reply = post("/invoke/filter-module/Fail", "{}");

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.body().path("status").asInt()).isEqualTo(500);
        assertThat(reply.body().path("error").asString()).contains("the disk is full");
    }

    @Test
    void aBadTimeoutOrABodyThatIsNotJsonAnswers400SayingWhatIsWrong() {
        for (String timeout : new String[] {"0", "301", "ten", "1.5"}) {
            Reply reply = post("/invoke/filter-module/GetStats?timeoutSeconds=" + timeout, "{}");

            assertThat(reply.status()).as(timeout).isEqualTo(400);
            assertThat(reply.body().path("error").asString())
                    .isEqualTo(
                            "timeoutSeconds must be a whole number of seconds from 1 to 300, not '"
                                    + timeout
                                    + "'");
        }
        Reply notJson = post("/invoke/filter-module/GetStats", "{threshold: 30");

        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.body().path("module").asString()).isEqualTo("filter-module");
        assertThat(notJson.body().path("error").asString()).startsWith("the body is not JSON");
    }

    @Test
    void theScheduledGetStatsGoesOnWhenATargetIsAbsentOrFails() {
        StatsPeer.Calls filterCalls = filterPeer.getBean(StatsPeer.Calls.class);
        int before = filterCalls.getStats();

        // sql-writer-module is not connected: each round's call to it answers 404.
        await().atMost(WAIT)
                .until(
                        () ->
                                filterCalls.getStats() >= before + 3
                                        && calls("sql-writer-module", "404") >= 3);

        try (ConfigurableApplicationContext failingWriter =
                hub.runModule(StatsPeer.class, "sql-writer-module", "--peer.fail-get-stats=true")) {
            await().atMost(WAIT).until(() -> calls("sql-writer-module", "500") >= 2);
            int during = filterCalls.getStats();
            await().atMost(WAIT).until(() -> filterCalls.getStats() >= during + 2);
        }
        assertThat(calls("filter-module", "200")).isGreaterThanOrEqualTo(5);
        assertThat(post("/invoke/filter-module/GetStats", "{}").status()).isEqualTo(200);
    }
}
