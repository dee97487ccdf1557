package io.edgejava.hub.broker;

import io.edgejava.hub.HubProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes HiveMQ's {@code config.xml} from the hub's settings. */
final class BrokerConfiguration {

    private BrokerConfiguration() {}

    /** The configuration with the hub's own listeners only. */
    static Path write(HubProperties.Mqtt mqtt, Path folder) throws IOException {
        return write(mqtt, "", folder);
    }

    /**
     * @param mqtt the hub's MQTT settings
     * @param extraListeners more listener elements, for the IoT Hub–compatible endpoint, or ""
     * @param folder where to write it
     */
    static Path write(HubProperties.Mqtt mqtt, String extraListeners, Path folder)
            throws IOException {
        Files.createDirectories(folder);
        String websocket =
                mqtt.websocketPort() == 0
                        ? ""
                        : """
                                <websocket-listener>
                                    <port>%d</port>
                                    <bind-address>%s</bind-address>
                                    <path>%s</path>
                                    <name>websocket</name>
                                    <subprotocols>
                                        <subprotocol>mqttv3.1</subprotocol>
                                        <subprotocol>mqtt</subprotocol>
                                    </subprotocols>
                                    <allow-extensions>true</allow-extensions>
                                </websocket-listener>
                        """
                                .formatted(
                                        mqtt.websocketPort(),
                                        xml(mqtt.bindAddress()),
                                        xml(mqtt.websocketPath()));
        // Discarding is HiveMQ's only strategy for a full queue; the queue is sized so that it
        // does not fill while messages live, and every drop shows in hub.broker.messages.dropped.
        // No topic aliases: after a hub restart, Paho resends an unacknowledged publish with the
        // alias of the old connection, and the broker disconnects it for an unknown alias (0x94)
        // on every reconnect, so the module never comes back (found by FaultToleranceTests).
        String config =
                """
                <?xml version="1.0"?>
                <hivemq>
                    <listeners>
                        <tcp-listener>
                            <port>%d</port>
                            <bind-address>%s</bind-address>
                            <name>tcp</name>
                        </tcp-listener>
                %s%s    </listeners>
                    <mqtt>
                        <queued-messages>
                            <max-queue-size>%d</max-queue-size>
                            <strategy>discard</strategy>
                        </queued-messages>
                        <packets>
                            <max-packet-size>%d</max-packet-size>
                        </packets>
                        <topic-alias>
                            <enabled>false</enabled>
                        </topic-alias>
                    </mqtt>
                    <security>
                        <allow-empty-client-id>
                            <enabled>false</enabled>
                        </allow-empty-client-id>
                    </security>
                    <anonymous-usage-statistics>
                        <enabled>false</enabled>
                    </anonymous-usage-statistics>
                </hivemq>
                """
                        .formatted(
                                mqtt.port(),
                                xml(mqtt.bindAddress()),
                                websocket,
                                extraListeners,
                                mqtt.maxQueuedMessages(),
                                mqtt.maxPacketBytes());
        Path file = folder.resolve("config.xml");
        Files.writeString(file, config);
        return file;
    }

    private static String xml(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
