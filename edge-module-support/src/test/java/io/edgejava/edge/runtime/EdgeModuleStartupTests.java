package io.edgejava.edge.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.edgejava.edge.testing.ContractModule;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A module that cannot work says why at start-up, naming the setting to fix. */
class EdgeModuleStartupTests {

    @Test
    void aMissingModuleIdStopsStartUpNamingTheSetting() {
        assertThat(startFailure("--edge.key=k"))
                .contains("edge.module-id")
                .contains("EDGE_MODULE_ID");
    }

    @Test
    void aMissingKeyStopsStartUpNamingTheSetting() {
        assertThat(startFailure("--edge.module-id=alpha", "--edge.transport=mqtt"))
                .contains("edge.key")
                .contains("EDGE_KEY");
    }

    @Test
    void aMalformedHubUrlStopsStartUp() {
        assertThat(
                        startFailure(
                                "--edge.module-id=alpha",
                                "--edge.key=k",
                                "--edge.hub-url=localhost:1883"))
                .contains("edge.hub-url must look like tcp://host:1883");
    }

    @Test
    void anUnreachableHubStopsStartUpNamingTheUrl() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThat(
                        startFailure(
                                "--edge.module-id=alpha",
                                "--edge.key=k",
                                "--edge.connect-timeout=2s",
                                "--edge.hub-url=tcp://127.0.0.1:" + closedPort))
                .contains(
                        "Module 'alpha' cannot connect to the hub at tcp://127.0.0.1:" + closedPort)
                .contains("is the hub running");
    }

    @Test
    void theIotEdgeTransportOutsideTheIotEdgeRuntimeSaysWhatTheSdkMisses() {
        assertThat(startFailure("--edge.module-id=alpha", "--edge.transport=iotedge"))
                .contains(
                        "Cannot make the Azure IoT Device SDK's module client from the environment")
                .contains("IOTEDGE_");
    }

    @Test
    void httpsIsRefusedForTheIotEdgeTransportNamingWhatToUseInstead() {
        assertThat(
                        startFailure(
                                "--edge.module-id=alpha",
                                "--edge.transport=iotedge",
                                "--edge.iotedge.protocol=HTTPS"))
                .contains("edge.iotedge.protocol=HTTPS")
                .contains("Use MQTT")
                .contains("MQTT_WS");
    }

    @Test
    void autoChoosesIotEdgeOnlyWhereTheIotEdgeRuntimeLeftItsEnvironment() {
        var laptop = new org.springframework.mock.env.MockEnvironment();
        var device =
                new org.springframework.mock.env.MockEnvironment()
                        .withProperty(
                                "IOTEDGE_WORKLOADURI", "unix:///var/run/iotedge/workload.sock");
        assertThat(
                        EdgeModuleAutoConfiguration.chooseTransport(
                                EdgeProperties.Transport.AUTO, laptop))
                .isEqualTo(EdgeProperties.Transport.MQTT);
        assertThat(
                        EdgeModuleAutoConfiguration.chooseTransport(
                                EdgeProperties.Transport.AUTO, device))
                .isEqualTo(EdgeProperties.Transport.IOTEDGE);
        var simulator =
                new org.springframework.mock.env.MockEnvironment()
                        .withProperty(
                                "EdgeHubConnectionString",
                                "HostName=local-edge-hub.localdomain;DeviceId=d;ModuleId=m;"
                                        + "SharedAccessKey=a2V5");
        assertThat(
                        EdgeModuleAutoConfiguration.chooseTransport(
                                EdgeProperties.Transport.AUTO, simulator))
                .isEqualTo(EdgeProperties.Transport.IOTEDGE);
        assertThat(
                        EdgeModuleAutoConfiguration.chooseTransport(
                                EdgeProperties.Transport.MQTT, device))
                .isEqualTo(EdgeProperties.Transport.MQTT);
    }

    /** Starts a module and returns the messages of the failure's whole cause chain. */
    private static String startFailure(String... arguments) {
        Throwable failure =
                catchThrowable(
                        () ->
                                new SpringApplicationBuilder(ContractModule.class)
                                        .web(WebApplicationType.NONE)
                                        .run(arguments)
                                        .close());
        assertThat(failure).as("start-up should fail").isNotNull();
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }
}
