package io.edgejava.edge.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgejava.edge.EdgeHeaders;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.MessageHeaders;

class WirePropertiesTests {

    private final WireProperties wire = new WireProperties();

    @Test
    void readsSystemPropertiesIntoHeadersAndTheRestIntoTheApplicationProperties() {
        MqttProperties mqtt = new MqttProperties();
        mqtt.setContentType("application/json");
        mqtt.setUserProperties(
                List.of(
                        new UserProperty("$messageId", "m-1"),
                        new UserProperty("$connectionModuleId", "sensor"),
                        new UserProperty("$somethingNew", "ignored"),
                        new UserProperty("status", "hot"),
                        new UserProperty("batchId", "b-7")));

        Map<String, Object> headers = wire.toHeaders(mqtt);

        assertThat(headers)
                .containsEntry(EdgeHeaders.MESSAGE_ID, "m-1")
                .containsEntry(EdgeHeaders.CONNECTION_MODULE_ID, "sensor")
                .containsEntry(MessageHeaders.CONTENT_TYPE, "application/json")
                .containsEntry(EdgeHeaders.PROPERTIES, Map.of("status", "hot", "batchId", "b-7"));
    }

    @Test
    void sendsOnlyWhatAModuleMaySetAndNeverTheHubsStamps() {
        MqttProperties mqtt = new MqttProperties();
        wire.fromHeaders(
                new MessageHeaders(
                        Map.of(
                                EdgeHeaders.MESSAGE_ID, "m-1",
                                EdgeHeaders.CONNECTION_MODULE_ID, "forged",
                                EdgeHeaders.PROPERTIES, Map.of("batchId", "b-7"),
                                MessageHeaders.CONTENT_TYPE, "application/json")),
                mqtt);

        assertThat(mqtt.getUserProperties())
                .extracting(UserProperty::getKey, UserProperty::getValue)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("$messageId", "m-1"),
                        org.assertj.core.groups.Tuple.tuple("batchId", "b-7"));
        assertThat(mqtt.getContentType()).isEqualTo("application/json");
    }

    @Test
    void refusesAnApplicationPropertyThatLooksLikeASystemProperty() {
        assertThatThrownBy(
                        () ->
                                wire.fromHeaders(
                                        new MessageHeaders(
                                                Map.of(
                                                        EdgeHeaders.PROPERTIES,
                                                        Map.of("$connectionModuleId", "x"))),
                                        new MqttProperties()))
                .hasMessageContaining("'$connectionModuleId'");
    }
}
