package io.edgejava.iotedgecontract;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.edgejava.edge.runtime.EdgeProperties;
import io.edgejava.edge.testing.ContractModule;
import io.edgejava.edge.testing.TransportContract;
import io.edgejava.hub.HubFixture;
import io.edgejava.hub.LocalEdgeHubApplication;
import io.edgejava.hub.identity.ModuleKeys;
import io.edgejava.hub.iothub.IotHubEndpoint;
import io.edgejava.hub.testing.HubAdminApi;
import io.edgejava.hub.testing.LocalHub;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The transport contract for the {@code iotedge} transport: modules on the real Azure IoT Device
 * SDK, made by {@code ModuleClient.createFromEnvironment} from the environment a device gives them,
 * against local-edge-hub's IoT Hub–compatible endpoint in-process.
 *
 * <p>The SDK's ports are fixed: 8883 for MQTT and 443 for MQTT over WebSocket and direct method
 * calls. Binding 443 needs root (or {@code net.ipv4.ip_unprivileged_port_start=0}) on Linux; where
 * it cannot be bound, these tests are skipped and say so.
 */
abstract class IotEdgeTransportContract extends TransportContract {

    static final String DEVICE = "local-edge-device";
    static final String HUB_HOST = "local-edge-hub.localdomain";
    static final ModuleKeys KEYS = new ModuleKeys(ModuleKeys.LOCAL_DEVELOPMENT_KEY);
    static Path dataDir;
    static int mqttPort;
    static ConfigurableApplicationContext hub;

    /** The SDK protocol the modules of this run use. */
    abstract EdgeProperties.Protocol protocol();

    /** Whether modules find the hub through the workload API, else a connection string. */
    abstract boolean workload();

    @BeforeAll
    static void startHub() throws IOException {
        assumeTrue(
                canBind(8883) && canBind(443),
                "the Azure IoT Device SDK connects to ports 8883 and 443, which this test cannot"
                        + " bind here (not root, net.ipv4.ip_unprivileged_port_start > 443, or in"
                        + " use)");
        dataDir = Files.createTempDirectory("iotedge-contract-hub");
        mqttPort = HubFixture.freePort();
        hub = runHub();
    }

    @AfterAll
    static void stopHub() {
        if (hub != null) {
            hub.close();
            hub = null;
        }
    }

    static ConfigurableApplicationContext runHub() {
        return SpringApplication.run(
                LocalEdgeHubApplication.class,
                "--hub.manifest=src/test/resources/contract-manifest.json",
                "--hub.data-dir=" + dataDir,
                "--hub.mqtt.bind-address=127.0.0.1",
                "--hub.mqtt.port=" + mqttPort,
                "--hub.mqtt.websocket-port=0",
                "--hub.iot-hub.enabled=true",
                "--hub.iot-hub.host-name=" + HUB_HOST,
                "--server.address=127.0.0.1",
                "--server.port=0",
                "--spring.main.banner-mode=off",
                LocalHub.NO_DATABASE);
    }

    private static boolean canBind(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The environment the IoT Edge runtime gives a module, on either path. */
    Map<String, String> environment(String moduleId) {
        IotHubEndpoint endpoint = hub.getBean(IotHubEndpoint.class);
        if (workload()) {
            return Map.of(
                    "IOTEDGE_WORKLOADURI",
                    "unix://" + endpoint.workloadSocket(moduleId),
                    "IOTEDGE_DEVICEID",
                    DEVICE,
                    "IOTEDGE_MODULEID",
                    moduleId,
                    "IOTEDGE_IOTHUBHOSTNAME",
                    HUB_HOST,
                    "IOTEDGE_AUTHSCHEME",
                    "sasToken",
                    "IOTEDGE_GATEWAYHOSTNAME",
                    "localhost",
                    "IOTEDGE_MODULEGENERATIONID",
                    "1",
                    "IOTEDGE_APIVERSION",
                    "2018-06-28");
        }
        return Map.of(
                "EdgeHubConnectionString",
                "HostName="
                        + HUB_HOST
                        + ";GatewayHostName=localhost;DeviceId="
                        + DEVICE
                        + ";ModuleId="
                        + moduleId
                        + ";SharedAccessKey="
                        + KEYS.keyOf(moduleId),
                "EdgeModuleCACertificateFile",
                endpoint.caFile().toString());
    }

    ConfigurableApplicationContext module(String moduleId, String... more) {
        ProcessEnvironment.useIotEdge(environment(moduleId));
        List<String> settings =
                List.of(
                        "--edge.module-id=" + moduleId,
                        "--edge.transport=iotedge",
                        "--edge.iotedge.protocol=" + protocol(),
                        "--edge.connect-timeout=10s",
                        "--edge.delivery.retry-later-backoff=100ms",
                        "--edge.delivery.retry-later-max-backoff=400ms",
                        "--spring.main.banner-mode=off");
        return new SpringApplicationBuilder(ContractModule.class)
                .web(WebApplicationType.NONE)
                .run(LocalHub.withOverrides(settings, more));
    }

    @Override
    protected ConfigurableApplicationContext startModule(String moduleId) {
        return module(moduleId);
    }

    @Override
    protected void patchDesired(String moduleId, String patchJson) {
        HubAdminApi.patchDesired(hub, moduleId, patchJson);
    }

    @Override
    protected String reportedProperties(String moduleId) {
        return HubAdminApi.twin(hub, moduleId);
    }

    @Override
    protected void restartHub() {
        hub.close();
        hub = runHub();
    }
}
