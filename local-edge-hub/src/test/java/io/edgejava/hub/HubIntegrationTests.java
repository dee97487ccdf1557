package io.edgejava.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.edgejava.edge.contract.SystemProperties;
import io.edgejava.edge.contract.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hub with its real embedded broker, driven by real MQTT v5 clients, against the routes of
 * {@code src/test/resources/test-manifest.json}. Every test marks its messages with a fresh tag, so
 * that what other tests left queued in a module's session cannot make it pass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HubIntegrationTests {

    static final HubFixture hub = new HubFixture();

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        hub.register(registry);
    }

    @LocalServerPort int adminPort;

    RestClient admin;
    final JsonMapper json = JsonMapper.builder().build();
    final String tag = UUID.randomUUID().toString();

    @BeforeEach
    void adminClient() {
        admin = RestClient.create("http://127.0.0.1:" + adminPort);
    }

    @Test
    void routesAnOutputToTheInputOfEachMatchingRoute() throws Exception {
        try (TestModule sensor = hub.connect("sensor");
                TestModule filter = hub.connect("filter")) {
            filter.subscribe(Topics.allInputs("filter"));

            assertThat(
                            sensor.publishJson(
                                    Topics.output("sensor", "temperatureOutput"),
                                    body(20),
                                    Map.of()))
                    .isZero();

            List<TestModule.Received> delivered =
                    awaitTagged(filter, Topics.input("filter", "input1"), 1);
            assertThat(delivered).hasSize(1);
            assertThat(delivered.get(0).message().getProperties().getContentType())
                    .isEqualTo("application/json");
            await().until(() -> upstreamBodies().stream().anyMatch(body -> body.contains(tag)));
        }
    }

    @Test
    void stampsTheSenderFromItsIdentityAndKeepsApplicationProperties() throws Exception {
        try (TestModule sensor = hub.connect("sensor");
                TestModule filter = hub.connect("filter")) {
            filter.subscribe(Topics.allInputs("filter"));

            sensor.publishJson(
                    Topics.output("sensor", "temperatureOutput"),
                    body(20),
                    Map.of(
                            SystemProperties.CONNECTION_MODULE_ID,
                            "writer",
                            SystemProperties.MESSAGE_ID,
                            "m-1",
                            "batchId",
                            "b-7"));

            TestModule.Received message =
                    awaitTagged(filter, Topics.input("filter", "input1"), 1).get(0);
            assertThat(message.property(SystemProperties.CONNECTION_MODULE_ID)).isEqualTo("sensor");
            assertThat(message.message().getProperties().getUserProperties())
                    .filteredOn(p -> p.getKey().equals(SystemProperties.CONNECTION_MODULE_ID))
                    .hasSize(1);
            assertThat(message.property(SystemProperties.CONNECTION_DEVICE_ID))
                    .isEqualTo("local-edge-device");
            assertThat(message.property(SystemProperties.OUTPUT_NAME))
                    .isEqualTo("temperatureOutput");
            assertThat(message.property(SystemProperties.MESSAGE_ID)).isEqualTo("m-1");
            assertThat(message.property("batchId")).isEqualTo("b-7");
        }
    }

    @Test
    void sendsOneCopyPerSinkFromTheHighestPriorityRoute() throws Exception {
        try (TestModule filter = hub.connect("filter");
                TestModule writer = hub.connect("writer")) {
            writer.subscribe(Topics.allInputs("writer"));

            // Matches both hotReadings (priority 1, TTL 600 s) and alertsToo (priority 3, TTL 60
            // s).
            filter.publishJson(
                    Topics.output("filter", "output1"), body(40), Map.of("MessageType", "Alert"));
            // Matches alertsToo only.
            filter.publishJson(
                    Topics.output("filter", "output1"), body(10), Map.of("MessageType", "Alert"));

            List<TestModule.Received> delivered =
                    awaitTagged(writer, Topics.input("writer", "readings"), 2);
            assertThat(delivered).hasSize(2);
            assertThat(expiryOf(delivered, 40)).isGreaterThan(60).isLessThanOrEqualTo(600);
            assertThat(expiryOf(delivered, 10)).isLessThanOrEqualTo(60);
        }
    }

    @Test
    void routesOnTheBodyOnlyWhenTheMessageSaysItIsJson() throws Exception {
        try (TestModule filter = hub.connect("filter");
                TestModule writer = hub.connect("writer")) {
            writer.subscribe(Topics.allInputs("writer"));
            long undefinedBefore = routeCounter("hotReadings", "undefined");

            // Hot, but without content type: $body is undefined, so hotReadings routes nothing.
            filter.publish(Topics.output("filter", "output1"), body(45), Map.of("seq", "1"));
            // Cold, declared JSON: the condition is false.
            filter.publishJson(Topics.output("filter", "output1"), body(5), Map.of("seq", "2"));
            // Hot, declared JSON: routed.
            filter.publishJson(Topics.output("filter", "output1"), body(50), Map.of("seq", "3"));

            List<TestModule.Received> delivered =
                    awaitTagged(writer, Topics.input("writer", "readings"), 1);
            assertThat(delivered).extracting(m -> m.property("seq")).containsExactly("3");
            assertThat(routeCounter("hotReadings", "undefined")).isEqualTo(undefinedBefore + 1);
        }
    }

    @Test
    void dropsAMessageWhoseRouteTimeToLivePassedWhileItsModuleWasAway() throws Exception {
        try (TestModule writer = hub.connect("writer")) {
            writer.subscribe(Topics.allInputs("writer"));
            writer.disconnect();
        }
        Instant sent;
        try (TestModule sensor = hub.connect("sensor")) {
            // shortLived has a TTL of 1 s; control has the default of 7200 s.
            sensor.publish(Topics.output("sensor", "perishable"), "perishable " + tag, Map.of());
            sent = Instant.now();
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> Instant.now().isAfter(sent.plusMillis(2100)));
            sensor.publish(Topics.output("sensor", "control"), "control " + tag, Map.of());
        }
        try (TestModule writer = hub.connect("writer")) {
            // Both wait in the same queue in order: once the later one is here, the earlier one
            // would have arrived first had it not expired.
            List<TestModule.Received> delivered =
                    awaitTagged(writer, Topics.input("writer", "perishable"), 1);
            assertThat(delivered)
                    .extracting(TestModule.Received::body)
                    .containsExactly("control " + tag);
        }
    }

    @Test
    void keepsMessagesForAModuleThatIsAwayAndDeliversThemWhenItReturns() throws Exception {
        try (TestModule filter = hub.connect("filter")) {
            filter.subscribe(Topics.allInputs("filter"));
            filter.disconnect();
        }
        try (TestModule sensor = hub.connect("sensor")) {
            for (int i = 0; i < 10; i++) {
                assertThat(
                                sensor.publishJson(
                                        Topics.output("sensor", "temperatureOutput"),
                                        body(i),
                                        Map.of()))
                        .isZero();
            }
        }
        try (TestModule filter = hub.connect("filter")) {
            assertThat(awaitTagged(filter, Topics.input("filter", "input1"), 10)).hasSize(10);
        }
    }

    @Test
    void refusesAModulePublishingAsAnotherModuleAndKeepsItConnected() throws Exception {
        try (TestModule sensor = hub.connect("sensor");
                TestModule writer = hub.connect("writer")) {
            writer.subscribe(Topics.allInputs("writer"));
            double before = refused("spoofing");

            int reason = sensor.publishJson(Topics.output("filter", "output1"), body(99), Map.of());
            int direct = sensor.publish(Topics.input("writer", "readings"), body(99), Map.of());

            assertThat(reason).isEqualTo(0x87);
            assertThat(direct).isEqualTo(0x87);
            assertThat(sensor.isConnected()).isTrue();
            assertThat(refused("spoofing")).isEqualTo(before + 1);
            assertThat(
                            sensor.publishJson(
                                    Topics.output("sensor", "temperatureOutput"),
                                    body(1),
                                    Map.of()))
                    .isZero();
            assertThat(writer.received()).noneMatch(m -> m.body().contains(tag));
        }
    }

    @Test
    void refusesSubscriptionsToAnotherModulesTopics() throws Exception {
        try (TestModule sensor = hub.connect("sensor")) {
            int[] codes =
                    sensor.subscribe(
                            Topics.input("filter", "input1"),
                            "modules/+/inputs/#",
                            "#",
                            Topics.output("sensor", "temperatureOutput"),
                            Topics.allInputs("sensor"),
                            Topics.twinDesired("sensor"));
            assertThat(codes).containsExactly(0x87, 0x87, 0x87, 0x87, 1, 1);
        }
    }

    @Test
    void refusesAMessageOverTheSizeLimitWithAReason() throws Exception {
        try (TestModule sensor = hub.connect("sensor")) {
            double before = refused("too-large");
            int reason =
                    sensor.publish(
                            Topics.output("sensor", "temperatureOutput"),
                            new byte[256 * 1024 + 1],
                            new MqttProperties());
            assertThat(reason).isEqualTo(0x97);
            assertThat(refused("too-large")).isEqualTo(before + 1);
            assertThat(sensor.isConnected()).isTrue();
        }
    }

    @Test
    void refusesUnknownModulesWrongKeysAndBorrowedClientIds() {
        assertThatThrownBy(
                        () ->
                                TestModule.connect(
                                        hub.tcp(), "intruder", HubFixture.KEYS.keyOf("intruder")))
                .isInstanceOfSatisfying(
                        MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(0x87));
        assertThatThrownBy(
                        () ->
                                TestModule.connect(
                                        hub.tcp(), "sensor", HubFixture.KEYS.keyOf("filter")))
                .isInstanceOfSatisfying(
                        MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(0x86));
        assertThatThrownBy(
                        () ->
                                TestModule.connect(
                                        hub.tcp(),
                                        "filter",
                                        "sensor",
                                        HubFixture.KEYS.keyOf("sensor")))
                .isInstanceOfSatisfying(
                        MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(0x85));
    }

    @Test
    void relaysADirectMethodAndItsAnswerBetweenModules() throws Exception {
        try (TestModule caller = hub.connect("caller");
                TestModule filter = hub.connect("filter")) {
            caller.subscribe(Topics.methodResponses("caller"));
            filter.subscribe(Topics.allMethods("filter"));

            caller.publish(
                    Topics.method("filter", "GetStats"),
                    request(tag, 10),
                    requestProperties("caller", tag, 10));

            TestModule.Received call =
                    awaitTagged(filter, Topics.method("filter", "GetStats"), 1).get(0);
            assertThat(call.property(SystemProperties.CONNECTION_MODULE_ID)).isEqualTo("caller");
            filter.publish(
                    call.message().getProperties().getResponseTopic(),
                    ("{\"tag\":\"" + tag + "\",\"in\":3}").getBytes(StandardCharsets.UTF_8),
                    responseProperties(call, 200));

            TestModule.Received answer =
                    awaitTagged(caller, Topics.methodResponses("caller"), 1).get(0);
            assertThat(answer.property("status")).isEqualTo("200");
            assertThat(answer.property(SystemProperties.CONNECTION_MODULE_ID)).isEqualTo("filter");
        }
    }

    @Test
    void answers404AtOnceForAMethodOnAModuleThatIsNotConnected() throws Exception {
        try (TestModule caller = hub.connect("caller")) {
            caller.subscribe(Topics.methodResponses("caller"));
            caller.publish(
                    Topics.method("writer", "Flush"),
                    request(tag, 10),
                    requestProperties("caller", tag, 10));

            TestModule.Received answer =
                    caller.awaitOn(Topics.methodResponses("caller"), 1).stream()
                            .filter(
                                    m ->
                                            new String(
                                                            m.message()
                                                                    .getProperties()
                                                                    .getCorrelationData(),
                                                            StandardCharsets.UTF_8)
                                                    .equals(tag))
                            .findFirst()
                            .orElseThrow();
            assertThat(answer.property("status")).isEqualTo("404");
            assertThat(answer.body()).contains("writer").contains("not connected");
        }
    }

    @Test
    void refusesAnAnswerToACallNobodyMade() throws Exception {
        try (TestModule sensor = hub.connect("sensor");
                TestModule caller = hub.connect("caller")) {
            caller.subscribe(Topics.methodResponses("caller"));
            MqttProperties forged = new MqttProperties();
            forged.setCorrelationData(tag.getBytes(StandardCharsets.UTF_8));
            forged.setUserProperties(
                    List.of(
                            new org.eclipse.paho.mqttv5.common.packet.UserProperty(
                                    "status", "200")));

            int reason =
                    sensor.publish(
                            Topics.methodResponses("caller"),
                            "{}".getBytes(StandardCharsets.UTF_8),
                            forged);

            assertThat(reason).isEqualTo(0x87);
            assertThat(caller.received()).isEmpty();
        }
    }

    @Test
    void invokesAMethodFromTheAdminApiWithStatusesForAnswerAbsenceAndTimeout() throws Exception {
        try (TestModule filter = hub.connect("filter")) {
            filter.subscribe(Topics.allMethods("filter"));
            Thread answering = new Thread(() -> answerFirstCall(filter, "SetThreshold", 200));
            answering.start();

            var answered = invoke("filter", "SetThreshold", "{\"threshold\":30}", 5);
            assertThat(answered.status().value()).isEqualTo(200);
            assertThat(answered.body().path("payload").path("echo").path("threshold").asInt())
                    .isEqualTo(30);
            answering.join();

            var absent = invoke("writer", "Flush", "{}", 5);
            assertThat(absent.status().value()).isEqualTo(404);

            var silent = invoke("filter", "NeverAnswered", "{}", 1);
            assertThat(silent.status().value()).isEqualTo(504);
            assertThat(silent.body().path("payload").path("message").asString())
                    .contains("did not answer");
        }
    }

    @Test
    void deliversDesiredPropertiesAtStartAndAfterAPatch() throws Exception {
        try (TestModule filter = hub.connect("filter")) {
            filter.subscribe(Topics.twinDesired("filter"));
            TestModule.Received initial = filter.awaitOn(Topics.twinDesired("filter"), 1).get(0);
            JsonNode desired = json.readTree(initial.message().getPayload());
            assertThat(desired.path("TemperatureThreshold").isNumber()).isTrue();
            long version = desired.path("$version").asLong();

            JsonNode patched =
                    admin.patch()
                            .uri("/api/twins/filter/desired")
                            .contentType(MediaType.APPLICATION_JSON)
                            .body("{\"TemperatureThreshold\": 31}")
                            .retrieve()
                            .body(JsonNode.class);
            assertThat(patched.path("$version").asLong()).isEqualTo(version + 1);

            await().until(
                            () ->
                                    filter.receivedOn(Topics.twinDesired("filter")).stream()
                                            .map(m -> json.readTree(m.message().getPayload()))
                                            .anyMatch(
                                                    d ->
                                                            d.path("$version").asLong()
                                                                            == version + 1
                                                                    && d.path(
                                                                                            "TemperatureThreshold")
                                                                                    .asInt()
                                                                            == 31));
        }
    }

    @Test
    void keepsReportedPropertiesAndShowsThemInTheAdminApi() throws Exception {
        try (TestModule sensor = hub.connect("sensor")) {
            assertThat(
                            sensor.publishJson(
                                    Topics.twinReported("sensor"),
                                    "{\"SendInterval\": 7, \"tag\": \"" + tag + "\"}",
                                    Map.of()))
                    .isZero();
            await().until(
                            () ->
                                    admin.get()
                                            .uri("/api/twins/sensor")
                                            .retrieve()
                                            .body(JsonNode.class)
                                            .path("reported")
                                            .path("tag")
                                            .asString()
                                            .equals(tag));
            assertThat(sensor.publish(Topics.twinReported("sensor"), "not json", Map.of()))
                    .isEqualTo(0x99);
        }
    }

    @Test
    void listsModulesAndRoutesWithTheirCounters() throws Exception {
        try (TestModule sensor = hub.connect("sensor")) {
            JsonNode modules = admin.get().uri("/api/modules").retrieve().body(JsonNode.class);
            assertThat(modules.findValuesAsString("module"))
                    .contains("sensor", "filter", "writer", "caller");
            assertThat(
                            modules.valueStream()
                                    .filter(m -> m.path("module").asString().equals("sensor"))
                                    .findFirst()
                                    .orElseThrow()
                                    .path("connected")
                                    .asBoolean())
                    .isTrue();

            JsonNode health = admin.get().uri("/actuator/health").retrieve().body(JsonNode.class);
            assertThat(health.path("components").path("broker").path("status").asString())
                    .isEqualTo("UP");
            assertThat(
                            health.path("components")
                                    .path("broker")
                                    .path("details")
                                    .path("connectedModules")
                                    .toString())
                    .contains("sensor");

            long before = routeCounter("sensorToFilter", "delivered");
            sensor.publishJson(Topics.output("sensor", "temperatureOutput"), body(1), Map.of());
            await().until(() -> routeCounter("sensorToFilter", "delivered") == before + 1);
        }
    }

    @Test
    void acceptsModulesOverWebSocket() throws Exception {
        try (TestModule sensor =
                        TestModule.connect(
                                hub.websocket(), "sensor", HubFixture.KEYS.keyOf("sensor"));
                TestModule filter =
                        TestModule.connect(
                                hub.websocket(), "filter", HubFixture.KEYS.keyOf("filter"))) {
            filter.subscribe(Topics.allInputs("filter"));
            sensor.publishJson(Topics.output("sensor", "temperatureOutput"), body(3), Map.of());
            assertThat(awaitTagged(filter, Topics.input("filter", "input1"), 1)).hasSize(1);
        }
    }

    @Test
    void routesMessagesOfAnMqtt311Module() throws Exception {
        try (TestModule filter = hub.connect("filter")) {
            filter.subscribe(Topics.allInputs("filter"));
            org.eclipse.paho.client.mqttv3.MqttClient sensor =
                    new org.eclipse.paho.client.mqttv3.MqttClient(
                            hub.tcp(),
                            "sensor",
                            new org.eclipse.paho.client.mqttv3.persist.MemoryPersistence());
            var options = new org.eclipse.paho.client.mqttv3.MqttConnectOptions();
            options.setMqttVersion(
                    org.eclipse.paho.client.mqttv3.MqttConnectOptions.MQTT_VERSION_3_1_1);
            options.setUserName("sensor");
            options.setPassword(HubFixture.KEYS.keyOf("sensor").toCharArray());
            sensor.connect(options);
            try {
                sensor.publish(
                        Topics.output("sensor", "temperatureOutput"),
                        body(21).getBytes(StandardCharsets.UTF_8),
                        1,
                        false);
                TestModule.Received message =
                        awaitTagged(filter, Topics.input("filter", "input1"), 1).get(0);
                assertThat(message.property(SystemProperties.CONNECTION_MODULE_ID))
                        .isEqualTo("sensor");
            } finally {
                sensor.disconnect();
                sensor.close();
            }
        }
    }

    @Test
    void exposesTheBrokersDropCountersAsMetrics() {
        JsonNode dropped =
                admin.get()
                        .uri("/actuator/metrics/hub.broker.messages.dropped")
                        .retrieve()
                        .body(JsonNode.class);
        assertThat(dropped.path("measurements").get(0).path("value").isNumber()).isTrue();
    }

    @Test
    void anObserverWatchesRoutedTrafficButCannotPublish() throws Exception {
        String observerKey = HubFixture.KEYS.keyOf("$observer");
        try (TestModule observer =
                        TestModule.connect(hub.tcp(), "$observer-test", "$observer", observerKey);
                TestModule sensor = hub.connect("sensor")) {
            assertThat(observer.subscribe("modules/+/inputs/#", "upstream/#"))
                    .containsExactly(1, 1);

            sensor.publishJson(Topics.output("sensor", "temperatureOutput"), body(22), Map.of());

            assertThat(awaitTagged(observer, Topics.input("filter", "input1"), 1)).hasSize(1);
            assertThat(awaitTagged(observer, Topics.upstream("sensor", "temperatureOutput"), 1))
                    .hasSize(1);
            assertThat(
                            observer.publishJson(
                                    Topics.output("sensor", "temperatureOutput"),
                                    body(1),
                                    Map.of()))
                    .isEqualTo(0x87);
        }
        assertThatThrownBy(
                        () ->
                                TestModule.connect(
                                        hub.tcp(),
                                        "$observer-x",
                                        "$observer",
                                        HubFixture.KEYS.keyOf("sensor")))
                .isInstanceOfSatisfying(
                        MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(0x86));
        assertThatThrownBy(() -> TestModule.connect(hub.tcp(), "spy", "$observer", observerKey))
                .isInstanceOfSatisfying(
                        MqttException.class, e -> assertThat(e.getReasonCode()).isEqualTo(0x85));
    }

    // --- helpers

    private String body(double temperature) {
        return "{\"tag\":\"" + tag + "\",\"machine\":{\"temperature\":" + temperature + "}}";
    }

    private List<TestModule.Received> awaitTagged(TestModule module, String topic, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> tagged(module, topic).size() >= count);
        return tagged(module, topic);
    }

    private List<TestModule.Received> tagged(TestModule module, String topic) {
        return module.receivedOn(topic).stream()
                .filter(
                        m ->
                                m.body().contains(tag)
                                        || (m.message().getProperties().getCorrelationData() != null
                                                && new String(
                                                                m.message()
                                                                        .getProperties()
                                                                        .getCorrelationData(),
                                                                StandardCharsets.UTF_8)
                                                        .equals(tag)))
                .toList();
    }

    private long expiryOf(List<TestModule.Received> messages, double temperature) {
        return messages.stream()
                .filter(m -> m.body().contains("\"temperature\":" + temperature))
                .findFirst()
                .orElseThrow()
                .message()
                .getProperties()
                .getMessageExpiryInterval();
    }

    private static byte[] request(String tag, int seconds) {
        return ("{\"tag\":\"" + tag + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static MqttProperties requestProperties(
            String caller, String correlation, long expirySeconds) {
        MqttProperties properties = new MqttProperties();
        properties.setResponseTopic(Topics.methodResponses(caller));
        properties.setCorrelationData(correlation.getBytes(StandardCharsets.UTF_8));
        properties.setMessageExpiryInterval(expirySeconds);
        properties.setContentType("application/json");
        return properties;
    }

    private static MqttProperties responseProperties(TestModule.Received call, int status) {
        MqttProperties properties = new MqttProperties();
        properties.setCorrelationData(call.message().getProperties().getCorrelationData());
        properties.setUserProperties(
                List.of(
                        new org.eclipse.paho.mqttv5.common.packet.UserProperty(
                                "status", Integer.toString(status))));
        properties.setContentType("application/json");
        return properties;
    }

    private static void answerFirstCall(TestModule module, String method, int status) {
        TestModule.Received call = module.awaitOn(Topics.method(module.id(), method), 1).get(0);
        String echo = "{\"echo\":" + call.body() + "}";
        try {
            module.publish(
                    call.message().getProperties().getResponseTopic(),
                    echo.getBytes(StandardCharsets.UTF_8),
                    responseProperties(call, status));
        } catch (MqttException e) {
            throw new IllegalStateException(e);
        }
    }

    record AdminResponse(HttpStatusCode status, JsonNode body) {}

    private AdminResponse invoke(String module, String method, String payload, int timeoutSeconds) {
        return admin.post()
                .uri(
                        "/api/modules/{m}/methods/{method}?timeoutSeconds={t}",
                        module,
                        method,
                        timeoutSeconds)
                .contentType(MediaType.APPLICATION_JSON)
                .body(payload)
                .exchange(
                        (request, response) ->
                                new AdminResponse(
                                        response.getStatusCode(),
                                        json.readTree(response.getBody())));
    }

    private long routeCounter(String route, String counter) {
        JsonNode routes = admin.get().uri("/api/routes").retrieve().body(JsonNode.class);
        return routes.valueStream()
                .filter(r -> r.path("name").asString().equals(route))
                .findFirst()
                .orElseThrow()
                .path(counter)
                .asLong();
    }

    private List<String> upstreamBodies() {
        return admin.get()
                .uri("/api/upstream")
                .retrieve()
                .body(JsonNode.class)
                .valueStream()
                .map(m -> m.path("body").asString())
                .toList();
    }

    private double refused(String reason) {
        JsonNode metric =
                admin.get()
                        .uri("/actuator/metrics/hub.messages.refused?tag=reason:{r}", reason)
                        .exchange(
                                (request, response) ->
                                        response.getStatusCode().is2xxSuccessful()
                                                ? json.readTree(response.getBody())
                                                : null);
        return metric == null ? 0 : metric.path("measurements").get(0).path("value").asDouble();
    }
}
