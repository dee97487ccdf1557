package io.edgejava.edge.mqtt;

import io.edgejava.edge.EdgeHeaders;
import io.edgejava.edge.contract.SystemProperties;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.springframework.integration.mapping.HeaderMapper;
import org.springframework.integration.mqtt.support.MqttHeaders;
import org.springframework.messaging.MessageHeaders;

/**
 * Maps hub message properties between MQTT v5 (the topic contract) and Spring message headers
 * ({@link EdgeHeaders}).
 */
final class WireProperties implements HeaderMapper<MqttProperties> {

    /** System properties: contract user property name, header name. */
    private static final Map<String, String> SYSTEM =
            Map.of(
                    SystemProperties.MESSAGE_ID, EdgeHeaders.MESSAGE_ID,
                    SystemProperties.CORRELATION_ID, EdgeHeaders.CORRELATION_ID,
                    SystemProperties.CONTENT_ENCODING, EdgeHeaders.CONTENT_ENCODING,
                    SystemProperties.CREATION_TIME_UTC, EdgeHeaders.CREATION_TIME_UTC,
                    SystemProperties.CONNECTION_MODULE_ID, EdgeHeaders.CONNECTION_MODULE_ID,
                    SystemProperties.CONNECTION_DEVICE_ID, EdgeHeaders.CONNECTION_DEVICE_ID,
                    SystemProperties.OUTPUT_NAME, EdgeHeaders.OUTPUT_NAME,
                    SystemProperties.ENQUEUED_TIME_UTC, EdgeHeaders.ENQUEUED_TIME_UTC);

    /** What a module may set when it sends: the hub stamps the rest. */
    private static final List<String> SENDABLE =
            List.of(
                    SystemProperties.MESSAGE_ID,
                    SystemProperties.CORRELATION_ID,
                    SystemProperties.CONTENT_ENCODING,
                    SystemProperties.CREATION_TIME_UTC);

    @Override
    public Map<String, Object> toHeaders(MqttProperties source) {
        Map<String, Object> headers = new HashMap<>();
        Map<String, String> application = new HashMap<>();
        for (UserProperty property : source.getUserProperties()) {
            String header = SYSTEM.get(property.getKey());
            if (header != null) {
                headers.putIfAbsent(header, property.getValue());
            } else if (!SystemProperties.isSystemProperty(property.getKey())) {
                application.putIfAbsent(property.getKey(), property.getValue());
            }
            // A direct method answer's status; on any other message just an application property.
            if (SystemProperties.METHOD_STATUS.equals(property.getKey())) {
                headers.putIfAbsent(SystemProperties.METHOD_STATUS, property.getValue());
            }
        }
        headers.put(EdgeHeaders.PROPERTIES, Map.copyOf(application));
        if (source.getContentType() != null) {
            headers.put(MessageHeaders.CONTENT_TYPE, source.getContentType());
        }
        if (source.getCorrelationData() != null) {
            headers.put(MqttHeaders.CORRELATION_DATA, source.getCorrelationData());
        }
        if (source.getResponseTopic() != null) {
            headers.put(MqttHeaders.RESPONSE_TOPIC, source.getResponseTopic());
        }
        return headers;
    }

    @Override
    public void fromHeaders(MessageHeaders headers, MqttProperties target) {
        List<UserProperty> user = new ArrayList<>();
        for (String name : SENDABLE) {
            Object value = headers.get(SYSTEM.get(name));
            if (value != null) {
                user.add(new UserProperty(name, value.toString()));
            }
        }
        if (headers.get(EdgeHeaders.PROPERTIES) instanceof Map<?, ?> application) {
            application.forEach(
                    (name, value) -> {
                        String key = SystemProperties.requireApplicationName(String.valueOf(name));
                        if (value != null) {
                            user.add(new UserProperty(key, value.toString()));
                        }
                    });
        }
        target.setUserProperties(user);
        Object contentType = headers.get(MessageHeaders.CONTENT_TYPE);
        if (contentType != null) {
            target.setContentType(contentType.toString());
        }
    }
}
