package io.edgejava.hub;

import io.edgejava.hub.identity.ModuleKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Ports, data folder and credentials for a hub under test. Public for the tests of other packages.
 */
public final class HubFixture {

    static final String MANIFEST = "src/test/resources/test-manifest.json";
    static final ModuleKeys KEYS = new ModuleKeys(ModuleKeys.LOCAL_DEVELOPMENT_KEY);

    final int mqttPort = freePort();
    final int websocketPort = freePort();
    final Path dataDir = temporaryFolder();

    void register(DynamicPropertyRegistry registry) {
        registry.add("hub.manifest", () -> MANIFEST);
        registry.add("hub.data-dir", dataDir::toString);
        registry.add("hub.mqtt.bind-address", () -> "127.0.0.1");
        registry.add("hub.mqtt.port", () -> mqttPort);
        registry.add("hub.mqtt.websocket-port", () -> websocketPort);
        registry.add("hub.methods.default-timeout", () -> "5s");
    }

    String[] arguments() {
        return new String[] {
            "--hub.manifest=" + MANIFEST,
            "--hub.data-dir=" + dataDir,
            "--hub.mqtt.bind-address=127.0.0.1",
            "--hub.mqtt.port=" + mqttPort,
            "--hub.mqtt.websocket-port=" + websocketPort,
            "--server.port=0"
        };
    }

    String tcp() {
        return "tcp://127.0.0.1:" + mqttPort;
    }

    String websocket() {
        return "ws://127.0.0.1:" + websocketPort + "/mqtt";
    }

    TestModule connect(String module) throws MqttException {
        return TestModule.connect(tcp(), module, KEYS.keyOf(module));
    }

    /**
     * @return a loopback port free right now, for a listener of a hub under test
     */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("hub-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
