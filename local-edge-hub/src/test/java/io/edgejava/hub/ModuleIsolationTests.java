package io.edgejava.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.edgejava.edge.contract.SystemProperties;
import io.edgejava.edge.contract.Topics;
import io.edgejava.hub.manifest.ManifestReader;
import io.edgejava.hub.testing.LocalHub;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The isolation matrix: every module of the project's manifest, logged in with its own key, against
 * every other module's outputs, inputs, direct methods, method responses and twin, publish and
 * subscribe. What belongs to another module is refused (NOT_AUTHORIZED, the module stays
 * connected); what is its own is allowed. One hub for the class, each module connected once.
 */
class ModuleIsolationTests {

    /** MQTT v5 reason codes. */
    static final int GRANTED_QOS_1 = 0x01;

    static final int NOT_AUTHORIZED = 0x87;
    static final int BAD_USER_NAME_OR_PASSWORD = 0x86;
    static final int PAYLOAD_FORMAT_INVALID = 0x99;

    /** Below this a PUBACK means accepted (0x10: accepted, nobody subscribed). */
    static final int ACCEPTED_BELOW = 0x80;

    static final List<String> MODULES =
            List.copyOf(
                    new ManifestReader(JsonMapper.builder().build())
                            .read(LocalHub.projectManifest())
                            .modules());

    static LocalHub hub;
    static final Map<String, TestModule> connected = new LinkedHashMap<>();

    @BeforeAll
    static void connectEveryModule() throws MqttException {
        hub = LocalHub.withProjectManifest();
        for (String module : MODULES) {
            TestModule client = hub.connect(module);
            // Every module serves methods and reads its responses, as a real module does.
            assertThat(client.subscribe(Topics.allMethods(module), Topics.methodResponses(module)))
                    .containsOnly(GRANTED_QOS_1);
            connected.put(module, client);
        }
    }

    @AfterAll
    static void stop() throws MqttException {
        for (TestModule client : connected.values()) {
            client.close();
        }
        hub.close();
    }

    static Stream<Arguments> everyModuleAgainstEveryOther() {
        List<Arguments> pairs = new ArrayList<>();
        for (String module : MODULES) {
            for (String other : MODULES) {
                if (!module.equals(other)) {
                    pairs.add(Arguments.of(module, other));
                }
            }
        }
        return pairs.stream();
    }

    static Stream<String> everyModule() {
        return MODULES.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyModuleAgainstEveryOther")
    void aModuleMayNotPublishToAnotherModulesOutputsInputsOrTwin(String module, String other)
            throws MqttException {
        TestModule client = connected.get(module);
        for (String topic :
                List.of(
                        Topics.output(other, "temperatureOutput"),
                        Topics.output(other, "output1"),
                        Topics.output(other, "deadLetter"),
                        Topics.input(other, "input1"),
                        Topics.input(other, "readings"),
                        Topics.twinReported(other),
                        Topics.twinDesired(other))) {
            assertThat(client.publish(topic, "{}", Map.of())).as(topic).isEqualTo(NOT_AUTHORIZED);
        }
        assertThat(client.isConnected()).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyModuleAgainstEveryOther")
    void aModuleMayNotSubscribeToAnythingOfAnotherModule(String module, String other)
            throws MqttException {
        TestModule client = connected.get(module);
        String[] filters = {
            Topics.input(other, "input1"),
            Topics.allInputs(other),
            Topics.output(other, "output1"),
            Topics.method(other, "GetStats"),
            Topics.allMethods(other),
            Topics.methodResponses(other),
            Topics.twinDesired(other),
            Topics.twinReported(other),
            Topics.upstream(other, "deadLetter")
        };
        int[] codes = client.subscribe(filters);
        for (int i = 0; i < filters.length; i++) {
            assertThat(codes[i]).as(filters[i]).isEqualTo(NOT_AUTHORIZED);
        }
        assertThat(client.isConnected()).isTrue();
    }

    @ParameterizedTest(name = "{0} answers a call of {2} to {1}")
    @MethodSource("everyModuleAgainstEveryOtherWithACaller")
    void aModuleMayNotAnswerAMethodRequestMeantForAnotherButTheTargetMay(
            String module, String target, String caller) throws MqttException {
        String correlation = UUID.randomUUID().toString();
        assertThat(
                        connected
                                .get(caller)
                                .publish(
                                        Topics.method(target, "GetStats"),
                                        "{}".getBytes(StandardCharsets.UTF_8),
                                        request(caller, correlation)))
                .isLessThan(ACCEPTED_BELOW);
        await().until(() -> !callsTo(target, correlation).isEmpty());

        assertThat(
                        connected
                                .get(module)
                                .publish(
                                        Topics.methodResponses(caller),
                                        "{\"forged\":true}".getBytes(StandardCharsets.UTF_8),
                                        response(correlation, 200)))
                .isEqualTo(NOT_AUTHORIZED);
        assertThat(
                        connected
                                .get(target)
                                .publish(
                                        Topics.methodResponses(caller),
                                        "{\"genuine\":true}".getBytes(StandardCharsets.UTF_8),
                                        response(correlation, 200)))
                .isLessThan(ACCEPTED_BELOW);

        await().until(() -> !answersTo(caller, correlation).isEmpty());
        assertThat(answersTo(caller, correlation))
                .singleElement()
                .satisfies(answer -> assertThat(answer.body()).contains("genuine"));
        assertThat(
                        answersTo(caller, correlation)
                                .get(0)
                                .property(SystemProperties.CONNECTION_MODULE_ID))
                .isEqualTo(target);
    }

    /** Every forger against every call between two other modules, so every module is a caller. */
    static Stream<Arguments> everyModuleAgainstEveryOtherWithACaller() {
        List<Arguments> triples = new ArrayList<>();
        for (String module : MODULES) {
            for (String target : MODULES) {
                for (String caller : MODULES) {
                    if (!module.equals(target)
                            && !module.equals(caller)
                            && !target.equals(caller)) {
                        triples.add(Arguments.of(module, target, caller));
                    }
                }
            }
        }
        return triples.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyModuleAgainstEveryOther")
    void aModuleMayNotHaveTheAnswerToItsCallSentToAnotherModule(String module, String other)
            throws MqttException {
        MqttProperties redirected = new MqttProperties();
        redirected.setResponseTopic(Topics.methodResponses(other));
        redirected.setCorrelationData(
                UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));

        assertThat(
                        connected
                                .get(module)
                                .publish(
                                        Topics.method(other, "GetStats"),
                                        "{}".getBytes(StandardCharsets.UTF_8),
                                        redirected))
                .isEqualTo(PAYLOAD_FORMAT_INVALID);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyModule")
    void aModuleMayNotPublishToItsOwnInputsOrDesiredProperties(String module) throws MqttException {
        TestModule client = connected.get(module);
        assertThat(client.publish(Topics.input(module, "input1"), "{}", Map.of()))
                .isEqualTo(NOT_AUTHORIZED);
        assertThat(client.publish(Topics.twinDesired(module), "{}", Map.of()))
                .isEqualTo(NOT_AUTHORIZED);
        assertThat(client.subscribe(Topics.output(module, "output1"), Topics.twinReported(module)))
                .containsOnly(NOT_AUTHORIZED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyModule")
    void aModuleMayUseItsOwnOutputsInputsMethodsResponsesAndTwin(String module)
            throws MqttException {
        TestModule client = connected.get(module);
        assertThat(
                        client.subscribe(
                                Topics.input(module, "input1"),
                                Topics.allInputs(module),
                                Topics.method(module, "GetStats"),
                                Topics.methodResponses(module),
                                Topics.twinDesired(module)))
                .containsOnly(GRANTED_QOS_1);
        assertThat(client.publishJson(Topics.output(module, "output1"), "{}", Map.of()))
                .isLessThan(ACCEPTED_BELOW);
        assertThat(client.publishJson(Topics.twinReported(module), "{\"isolation\":1}", Map.of()))
                .isLessThan(ACCEPTED_BELOW);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyModule")
    void aModuleIsRefusedWithAWrongKeyOrAnotherModulesKey(String module) {
        String otherModule = MODULES.get((MODULES.indexOf(module) + 1) % MODULES.size());
        String wrongKey = "AAAA" + hub.keyOf(module).substring(4);
        for (String key : List.of(hub.keyOf(otherModule), wrongKey, "")) {
            assertThatThrownBy(() -> TestModule.connect(hub.mqttUrl(), module, key))
                    .as("key %s", key)
                    .isInstanceOfSatisfying(
                            MqttException.class,
                            e ->
                                    assertThat(e.getReasonCode())
                                            .isEqualTo(BAD_USER_NAME_OR_PASSWORD));
        }
        assertThat(connected.get(module).isConnected()).isTrue();
    }

    @Test
    void aModuleTheManifestDoesNotDeployIsRefusedWhateverKeyItShows() {
        for (String key : List.of(hub.keyOf("intruder"), hub.keyOf(MODULES.get(0)))) {
            assertThatThrownBy(() -> TestModule.connect(hub.mqttUrl(), "intruder", key))
                    .isInstanceOfSatisfying(
                            MqttException.class,
                            e -> assertThat(e.getReasonCode()).isEqualTo(NOT_AUTHORIZED));
        }
    }

    static List<TestModule.Received> callsTo(String target, String correlation) {
        return connected.get(target).receivedOn(Topics.method(target, "GetStats")).stream()
                .filter(call -> correlationOf(call).equals(correlation))
                .toList();
    }

    static List<TestModule.Received> answersTo(String caller, String correlation) {
        return connected.get(caller).receivedOn(Topics.methodResponses(caller)).stream()
                .filter(answer -> correlationOf(answer).equals(correlation))
                .toList();
    }

    static String correlationOf(TestModule.Received message) {
        byte[] data = message.message().getProperties().getCorrelationData();
        return data == null ? "" : new String(data, StandardCharsets.UTF_8);
    }

    static MqttProperties request(String caller, String correlation) {
        MqttProperties properties = new MqttProperties();
        properties.setResponseTopic(Topics.methodResponses(caller));
        properties.setCorrelationData(correlation.getBytes(StandardCharsets.UTF_8));
        properties.setMessageExpiryInterval(30L);
        return properties;
    }

    static MqttProperties response(String correlation, int status) {
        MqttProperties properties = new MqttProperties();
        properties.setCorrelationData(correlation.getBytes(StandardCharsets.UTF_8));
        properties.setUserProperties(
                List.of(
                        new UserProperty(
                                SystemProperties.METHOD_STATUS, Integer.toString(status))));
        return properties;
    }
}
