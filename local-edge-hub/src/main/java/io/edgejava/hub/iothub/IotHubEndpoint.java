package io.edgejava.hub.iothub;

import io.edgejava.hub.HubProperties;
import io.edgejava.hub.identity.ModuleDirectory;
import io.edgejava.hub.identity.ModuleKeys;
import io.edgejava.hub.method.MethodCalls;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The IoT Hub–compatible endpoint as a whole: the certificates, the broker listeners that speak IoT
 * Hub's dialect (MQTT over TLS on {@code hub.iot-hub.mqtt-tls-port}, and MQTT over WebSocket behind
 * the {@link FrontDoor} on {@code hub.iot-hub.https-port}), the HTTPS endpoint of {@code
 * invokeMethod}, and the workload API.
 */
public final class IotHubEndpoint {

    private static final Logger log = LoggerFactory.getLogger(IotHubEndpoint.class);

    /** Name of the MQTT over TLS listener. */
    public static final String TLS_LISTENER = IotHubAuthenticator.LISTENER_PREFIX + "tls";

    /** Name of the loopback WebSocket listener behind the front door. */
    public static final String WEBSOCKET_LISTENER =
            IotHubAuthenticator.LISTENER_PREFIX + "websocket";

    private final HubProperties properties;
    private final ModuleDirectory modules;
    private final ModuleKeys keys;
    private final MethodCalls methods;
    private final JsonMapper json;
    private volatile LocalCertificateAuthority.ServerIdentity identity;
    private volatile int websocketPort;
    private volatile FrontDoor frontDoor;
    private volatile WorkloadApi workload;

    public IotHubEndpoint(
            HubProperties properties,
            ModuleDirectory modules,
            ModuleKeys keys,
            MethodCalls methods,
            JsonMapper json) {
        this.properties = properties;
        this.modules = modules;
        this.keys = keys;
        this.methods = methods;
        this.json = json;
    }

    /**
     * Makes or reuses the certificates, picks the loopback port of the WebSocket listener, and
     * describes the broker's listeners for this endpoint. Called once, before the broker starts.
     *
     * @return {@code config.xml} listener elements
     */
    public String prepareListeners() {
        HubProperties.IotHub settings = properties.iotHub();
        identity =
                LocalCertificateAuthority.prepare(
                        properties.dataDir().resolve("iothub-certs"),
                        settings.gatewayHostNames(),
                        Clock.systemUTC());
        websocketPort = freeLoopbackPort();
        String tls =
                settings.mqttTlsPort() == 0
                        ? ""
                        : """
                                <tls-tcp-listener>
                                    <port>%d</port>
                                    <bind-address>%s</bind-address>
                                    <name>%s</name>
                                    <tls>
                                        <keystore>
                                            <path>%s</path>
                                            <password>%s</password>
                                            <private-key-password>%s</private-key-password>
                                        </keystore>
                                    </tls>
                                </tls-tcp-listener>
                        """
                                .formatted(
                                        settings.mqttTlsPort(),
                                        properties.mqtt().bindAddress(),
                                        TLS_LISTENER,
                                        identity.keystore().toAbsolutePath(),
                                        identity.password(),
                                        identity.password());
        return tls
                + """
                        <websocket-listener>
                            <port>%d</port>
                            <bind-address>127.0.0.1</bind-address>
                            <path>%s</path>
                            <name>%s</name>
                            <subprotocols>
                                <subprotocol>mqtt</subprotocol>
                            </subprotocols>
                            <allow-extensions>true</allow-extensions>
                        </websocket-listener>
                """
                        .formatted(websocketPort, FrontDoor.WEBSOCKET_PATH, WEBSOCKET_LISTENER);
    }

    /** Opens the front door and the workload API, once the broker runs. */
    public void start() {
        HubProperties.IotHub settings = properties.iotHub();
        List<String> audienceHosts =
                Stream.concat(Stream.of(settings.hostName()), settings.gatewayHostNames().stream())
                        .toList();
        if (settings.httpsPort() != 0) {
            frontDoor =
                    new FrontDoor(
                            settings.httpsPort(),
                            tls(),
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), websocketPort),
                            properties.deviceId(),
                            audienceHosts,
                            modules,
                            keys,
                            methods,
                            settings.clockSkew(),
                            json);
            frontDoor.start();
        }
        workload = new WorkloadApi(workloadDir(), modules.known(), keys, identity.caPem(), json);
        workload.start();
        log.info(
                "IoT Hub endpoint for the Azure IoT Device SDK: hub {} device {}, MQTT over TLS on"
                        + " :{}, MQTT over WebSocket and invokeMethod on :{}, CA {}",
                settings.hostName(),
                properties.deviceId(),
                settings.mqttTlsPort(),
                settings.httpsPort(),
                identity.caFile().toAbsolutePath());
    }

    /** Closes the front door and the workload API. */
    public void stop() {
        if (frontDoor != null) {
            frontDoor.stop();
            frontDoor = null;
        }
        if (workload != null) {
            workload.stop();
            workload = null;
        }
    }

    /**
     * @return the CA certificate modules trust ({@code EdgeModuleCACertificateFile})
     */
    public Path caFile() {
        return identity.caFile();
    }

    /**
     * @param module a module of the deployment
     * @return its workload API socket
     */
    public Path workloadSocket(String module) {
        return WorkloadApi.socketOf(workloadDir(), module);
    }

    /**
     * @return what health shows about the endpoint
     */
    public Map<String, Object> details() {
        HubProperties.IotHub settings = properties.iotHub();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("hostName", settings.hostName());
        details.put("gatewayHostNames", settings.gatewayHostNames());
        details.put("mqttTlsPort", settings.mqttTlsPort());
        details.put("httpsPort", settings.httpsPort());
        details.put("caFile", identity == null ? null : identity.caFile().toString());
        details.put("workloadDir", workloadDir().toString());
        return details;
    }

    private Path workloadDir() {
        String configured = properties.iotHub().workloadDir();
        return configured.isBlank()
                ? properties.dataDir().resolve("workload")
                : Path.of(configured);
    }

    private SSLContext tls() {
        try {
            KeyStore store = KeyStore.getInstance("JKS");
            try (InputStream in = Files.newInputStream(identity.keystore())) {
                store.load(in, identity.password().toCharArray());
            }
            KeyManagerFactory keyManagers =
                    KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(store, identity.password().toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), null, null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load the hub's server certificate: " + e, e);
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on the loopback interface", e);
        }
    }
}
