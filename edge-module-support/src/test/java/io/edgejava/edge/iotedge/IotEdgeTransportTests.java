package io.edgejava.edge.iotedge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.microsoft.azure.sdk.iot.device.ClientConfiguration;
import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubStatusCode;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import com.microsoft.azure.sdk.iot.device.twin.Twin;
import io.edgejava.edge.runtime.EdgeProperties;
import io.edgejava.edge.transport.HubConnectionException;
import io.edgejava.edge.transport.InboundListener;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.messaging.Message;

/** The transport's own decisions, with the SDK's client stood in for. */
class IotEdgeTransportTests {

    private final ModuleClient client = mock(ModuleClient.class);
    private final List<String> desired = new CopyOnWriteArrayList<>();
    private IotEdgeTransport transport;

    private final InboundListener listener =
            new InboundListener() {
                @Override
                public void onInput(String input, Message<byte[]> message, Runnable acknowledge) {
                    acknowledge.run();
                }

                @Override
                public void onMethod(
                        String method, byte[] payload, String caller, MethodAnswer answer) {
                    answer.answer(200, "{}".getBytes(StandardCharsets.UTF_8));
                }

                @Override
                public void onDesiredProperties(byte[] document) {
                    desired.add(new String(document, StandardCharsets.UTF_8));
                }
            };

    private IotEdgeTransport transport(String moduleId, EdgeProperties.Protocol protocol)
            throws Exception {
        ClientConfiguration config = mock(ClientConfiguration.class);
        when(config.getModuleId()).thenReturn("alpha");
        when(config.getDeviceId()).thenReturn("device");
        when(config.getGatewayHostname()).thenReturn("localhost");
        when(client.getConfig()).thenReturn(config);
        // As the SDK reads the hub's answer to a twin GET.
        when(client.getTwin(anyInt()))
                .thenReturn(
                        Twin.createFromPropertiesJson(
                                "{\"desired\":{\"threshold\":10,\"$version\":4},"
                                        + "\"reported\":{\"$version\":1}}"));
        transport =
                new IotEdgeTransport(
                        moduleId,
                        new EdgeProperties.Iotedge(
                                protocol, Duration.ofSeconds(1), 2, Duration.ofSeconds(1)),
                        Duration.ofSeconds(2),
                        protocolAsked -> client);
        return transport;
    }

    @AfterEach
    void stop() {
        if (transport != null) {
            transport.stop();
        }
    }

    private IotHubConnectionStatusChangeCallback statusCallback() {
        ArgumentCaptor<IotHubConnectionStatusChangeCallback> callback =
                ArgumentCaptor.forClass(IotHubConnectionStatusChangeCallback.class);
        verify(client).setConnectionStatusChangeCallback(callback.capture(), any());
        return callback.getValue();
    }

    private static ConnectionStatusChangeContext change(
            IotHubConnectionStatus status, IotHubConnectionStatusChangeReason reason) {
        return new ConnectionStatusChangeContext(
                status, IotHubConnectionStatus.CONNECTED, reason, null, null);
    }

    @Test
    void theWholeDesiredDocumentIsReadAfterEveryConnect() throws Exception {
        transport("alpha", EdgeProperties.Protocol.MQTT).start(listener);
        IotHubConnectionStatusChangeCallback status = statusCallback();

        status.onStatusChanged(
                change(
                        IotHubConnectionStatus.CONNECTED,
                        IotHubConnectionStatusChangeReason.CONNECTION_OK));
        await().atMost(Duration.ofSeconds(5)).until(() -> desired.size() == 1);
        status.onStatusChanged(
                change(
                        IotHubConnectionStatus.DISCONNECTED_RETRYING,
                        IotHubConnectionStatusChangeReason.NO_NETWORK));
        status.onStatusChanged(
                change(
                        IotHubConnectionStatus.CONNECTED,
                        IotHubConnectionStatusChangeReason.CONNECTION_OK));

        await().atMost(Duration.ofSeconds(5)).until(() -> desired.size() == 2);
        assertThat(desired).containsOnly("{\"threshold\":10,\"$version\":4}");
    }

    @Test
    void whenTheSdkGivesUpTheClientIsOpenedAgain() throws Exception {
        transport("alpha", EdgeProperties.Protocol.MQTT).start(listener);
        IotHubConnectionStatusChangeCallback status = statusCallback();
        status.onStatusChanged(
                change(
                        IotHubConnectionStatus.CONNECTED,
                        IotHubConnectionStatusChangeReason.CONNECTION_OK));

        status.onStatusChanged(
                change(
                        IotHubConnectionStatus.DISCONNECTED,
                        IotHubConnectionStatusChangeReason.RETRY_EXPIRED));

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> verify(client, times(2)).open(true));
    }

    @Test
    void aClientTheModuleClosedItselfIsNotOpenedAgain() throws Exception {
        transport("alpha", EdgeProperties.Protocol.MQTT).start(listener);

        statusCallback()
                .onStatusChanged(
                        change(
                                IotHubConnectionStatus.DISCONNECTED,
                                IotHubConnectionStatusChangeReason.CLIENT_CLOSE));

        verify(client, times(1)).open(true);
        assertThat(transport.isConnected()).isFalse();
    }

    @Test
    void aModuleIdOtherThanTheEnvironmentsIsRefusedNamingBoth() throws Exception {
        IotEdgeTransport beta = transport("beta", EdgeProperties.Protocol.MQTT);

        assertThatThrownBy(() -> beta.start(listener))
                .isInstanceOf(HubConnectionException.class)
                .hasMessageContaining("edge.module-id (EDGE_MODULE_ID) is 'beta'")
                .hasMessageContaining("names module 'alpha'");
    }

    @Test
    void anAmqpConnectionThatFailsSaysLocalEdgeHubDoesNotEmulateAmqp() throws Exception {
        IotEdgeTransport amqp = transport("alpha", EdgeProperties.Protocol.AMQPS);
        doThrow(new IotHubClientException(IotHubStatusCode.IO_ERROR, "connection refused"))
                .when(client)
                .open(true);

        assertThatThrownBy(() -> amqp.start(listener))
                .isInstanceOf(HubConnectionException.class)
                .hasMessageContaining("connection refused")
                .hasMessageContaining("local-edge-hub: it does not emulate AMQP");
    }

    @Test
    void httpsIsRefusedBeforeAnyClientIsMade() {
        assertThatThrownBy(() -> IotEdgeTransport.protocol(EdgeProperties.Protocol.HTTPS))
                .isInstanceOf(HubConnectionException.class)
                .hasMessageContaining("needs a connection that stays open")
                .hasMessageContaining("Use MQTT");
    }
}
