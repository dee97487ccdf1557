package io.edgejava.hub.broker;

import com.hivemq.embedded.EmbeddedHiveMQ;
import io.edgejava.hub.HubProperties;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * HiveMQ CE with the hub's own broker configuration and none of its extension (no routes, no
 * identities): the baseline the routing benchmark compares the hub with. It lives in the hub's
 * broker package because {@link BrokerConfiguration} is package-private there, and copying it would
 * let the two configurations drift apart.
 */
public final class BareBroker implements AutoCloseable {

    private final EmbeddedHiveMQ broker;

    private BareBroker(EmbeddedHiveMQ broker) {
        this.broker = broker;
    }

    /**
     * Starts the broker on loopback.
     *
     * @param port the MQTT port
     * @return the running broker
     * @throws Exception when it does not start
     */
    public static BareBroker start(int port) throws Exception {
        Path folder = Files.createTempDirectory("benchmark-broker");
        BrokerConfiguration.write(
                new HubProperties.Mqtt(
                        "127.0.0.1", port, 0, "/mqtt", 262_144, 1_048_576, 1_000_000),
                folder.resolve("conf"));
        EmbeddedHiveMQ broker =
                EmbeddedHiveMQ.builder()
                        .withConfigurationFolder(folder.resolve("conf"))
                        .withDataFolder(Files.createDirectories(folder.resolve("data")))
                        .withExtensionsFolder(Files.createDirectories(folder.resolve("extensions")))
                        .withoutLoggingBootstrap()
                        .build();
        broker.start().get();
        return new BareBroker(broker);
    }

    @Override
    public void close() throws Exception {
        broker.close();
    }
}
