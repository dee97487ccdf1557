package io.edgejava.edge.iotedge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.google.gson.JsonParser;
import com.microsoft.azure.sdk.iot.device.ClientConfiguration;
import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeCallback;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.IotHubStatusCode;
import com.microsoft.azure.sdk.iot.device.MessageCallback;
import com.microsoft.azure.sdk.iot.device.MessageSentCallback;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.edge.DirectMethodRequest;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import com.microsoft.azure.sdk.iot.device.twin.DesiredPropertiesCallback;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodPayload;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodResponse;
import com.microsoft.azure.sdk.iot.device.twin.MethodCallback;
import com.microsoft.azure.sdk.iot.device.twin.Twin;
import com.microsoft.azure.sdk.iot.device.twin.TwinCollection;
import io.edgejava.edge.EdgeHeaders;
import io.edgejava.edge.HubRefusedException;
import io.edgejava.edge.MethodFailedException;
import io.edgejava.edge.MethodResponse;
import io.edgejava.edge.MethodTimedOutException;
import io.edgejava.edge.ModuleNotConnectedException;
import io.edgejava.edge.runtime.EdgeProperties;
import io.edgejava.edge.transport.HubConnectionException;
import io.edgejava.edge.transport.InboundListener;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;

/** The transport's own decisions, with the SDK's client stood in for. */
class IotEdgeTransportTests {

    private final ModuleClient client = mock(ModuleClient.class);
    private final List<String> desired = new CopyOnWriteArrayList<>();
    private IotEdgeTransport transport;

    /** What the module does with an input message; acknowledges at once unless a test says. */
    private volatile BiConsumer<Message<byte[]>, InboundListener.Acknowledgement> inputs =
            (message, ack) -> ack.acknowledge();

    /** What the module's method handlers do; answer 200 {} unless a test says. */
    private volatile MethodHandler methods =
            (method, payload, answer) -> answer.answer(200, "{}".getBytes(StandardCharsets.UTF_8));

    private final InboundListener listener =
            new InboundListener() {
                @Override
                public void onInput(
                        String input,
                        Message<byte[]> message,
                        InboundListener.Acknowledgement acknowledge) {
                    inputs.accept(message, acknowledge);
                }

                @Override
                public void onMethod(
                        String method, byte[] payload, String caller, MethodAnswer answer) {
                    callers.add(String.valueOf(caller));
                    methods.handle(method, payload, answer);
                }

                @Override
                public void onDesiredProperties(byte[] document) {
                    desired.add(new String(document, StandardCharsets.UTF_8));
                }
            };

    private final List<String> callers = new CopyOnWriteArrayList<>();

    @FunctionalInterface
    private interface MethodHandler {
        void handle(String method, byte[] payload, InboundListener.MethodAnswer answer);
    }

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
        connected();
        IotHubConnectionStatusChangeCallback status = statusCallback();
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
        verify(client, times(2)).getTwin(anyInt());
        assertThat(transport.isConnected()).isTrue();
    }

    @Test
    void whenTheSdkGivesUpTheClientIsOpenedAgain() throws Exception {
        connected();
        IotHubConnectionStatusChangeCallback status = statusCallback();

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

    /** Starts the transport and tells it the SDK is connected, as the SDK does after open. */
    private IotEdgeTransport connected() throws Exception {
        IotEdgeTransport started = transport("alpha", EdgeProperties.Protocol.MQTT);
        started.start(listener);
        statusCallback()
                .onStatusChanged(
                        change(
                                IotHubConnectionStatus.CONNECTED,
                                IotHubConnectionStatusChangeReason.CONNECTION_OK));
        return started;
    }

    private MessageCallback inputCallback() {
        ArgumentCaptor<MessageCallback> callback = ArgumentCaptor.forClass(MessageCallback.class);
        verify(client).setMessageCallback(callback.capture(), any());
        return callback.getValue();
    }

    private MethodCallback methodCallback() throws Exception {
        ArgumentCaptor<MethodCallback> callback = ArgumentCaptor.forClass(MethodCallback.class);
        verify(client).subscribeToMethods(callback.capture(), any(), anyInt());
        return callback.getValue();
    }

    private DesiredPropertiesCallback desiredCallback() throws Exception {
        ArgumentCaptor<DesiredPropertiesCallback> callback =
                ArgumentCaptor.forClass(DesiredPropertiesCallback.class);
        verify(client).subscribeToDesiredProperties(callback.capture(), any(), anyInt());
        return callback.getValue();
    }

    /** The hub's acknowledgement of the next send: {@code null} for success. */
    private void hubAnswersSendsWith(IotHubClientException failure) {
        doAnswer(
                        call -> {
                            MessageSentCallback sent = call.getArgument(1);
                            sent.onMessageSent(call.getArgument(0), failure, call.getArgument(2));
                            return null;
                        })
                .when(client)
                .sendEventAsync(any(), any(), any(), anyString());
    }

    private static Message<byte[]> reading() {
        return MessageBuilder.withPayload("{\"t\":1}".getBytes(StandardCharsets.UTF_8))
                .setHeader(EdgeHeaders.MESSAGE_ID, "m-1")
                .build();
    }

    @Test
    void aSendGoesToItsOutputAndReturnsWhenTheHubAcknowledges() throws Exception {
        hubAnswersSendsWith(null);

        connected().send("output1", reading());

        ArgumentCaptor<com.microsoft.azure.sdk.iot.device.Message> sent =
                ArgumentCaptor.forClass(com.microsoft.azure.sdk.iot.device.Message.class);
        verify(client).sendEventAsync(sent.capture(), any(), any(), eq("output1"));
        assertThat(sent.getValue().getMessageId()).isEqualTo("m-1");
    }

    @Test
    void aSendTheHubRefusesFailsWithTheReasonCodeTheMqttTransportReports() throws Exception {
        hubAnswersSendsWith(new IotHubClientException(IotHubStatusCode.UNAUTHORIZED, "no"));
        IotEdgeTransport started = connected();

        assertThatThrownBy(() -> started.send("output1", reading()))
                .isInstanceOfSatisfying(
                        HubRefusedException.class,
                        refused -> assertThat(refused.reasonCode()).isEqualTo(0x87))
                .hasMessageContaining("output1");
    }

    @Test
    void aSendThatCannotReachTheHubIsAConnectionFailure() throws Exception {
        hubAnswersSendsWith(new IotHubClientException(IotHubStatusCode.IO_ERROR, "socket"));
        IotEdgeTransport started = connected();

        assertThatThrownBy(() -> started.send("output1", reading()))
                .isInstanceOf(HubConnectionException.class)
                .hasMessageContaining("socket");
    }

    @Test
    void aSendWhileDisconnectedFailsAtOnceWithoutReachingTheSdk() throws Exception {
        IotEdgeTransport started = connected();
        statusCallback()
                .onStatusChanged(
                        change(
                                IotHubConnectionStatus.DISCONNECTED_RETRYING,
                                IotHubConnectionStatusChangeReason.NO_NETWORK));

        assertThatThrownBy(() -> started.send("output1", reading()))
                .isInstanceOf(HubConnectionException.class)
                .hasMessageContaining("not connected");
        verify(client, never()).sendEventAsync(any(), any(), any(), anyString());
        assertThat(started.isConnected()).isFalse();
    }

    @Test
    void anInputIsAcknowledgedOnlyAfterTheFlowHandledIt() throws Exception {
        CompletableFuture<InboundListener.Acknowledgement> acknowledge = new CompletableFuture<>();
        List<Message<byte[]>> handed = new CopyOnWriteArrayList<>();
        inputs =
                (message, ack) -> {
                    handed.add(message);
                    acknowledge.complete(ack);
                };
        connected();
        com.microsoft.azure.sdk.iot.device.Message sdk =
                new com.microsoft.azure.sdk.iot.device.Message("{}");
        sdk.setInputName("input1");

        // The SDK's receive thread: it sends the acknowledgement when the callback returns.
        CompletableFuture<IotHubMessageResult> result =
                CompletableFuture.supplyAsync(
                        () -> inputCallback().onCloudToDeviceMessageReceived(sdk, null));

        InboundListener.Acknowledgement ack = acknowledge.get(5, TimeUnit.SECONDS);
        assertThat(handed.get(0).getHeaders()).containsEntry(EdgeHeaders.INPUT_NAME, "input1");
        await().during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(1))
                .until(() -> !result.isDone());
        ack.acknowledge();
        assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo(IotHubMessageResult.COMPLETE);
    }

    @Test
    void anInputStillBeingHandledWhenTheModuleStopsIsNotAcknowledged() throws Exception {
        CountDownLatch handed = new CountDownLatch(1);
        inputs = (message, ack) -> handed.countDown();
        IotEdgeTransport started = connected();
        MessageCallback callback = inputCallback();
        com.microsoft.azure.sdk.iot.device.Message sdk =
                new com.microsoft.azure.sdk.iot.device.Message("{}");
        sdk.setInputName("input1");

        CompletableFuture<IotHubMessageResult> result =
                CompletableFuture.supplyAsync(
                        () -> callback.onCloudToDeviceMessageReceived(sdk, null));
        assertThat(handed.await(5, TimeUnit.SECONDS)).isTrue();
        started.stop();

        // Throwing keeps the SDK from acknowledging: the hub delivers the message again.
        assertThatThrownBy(() -> result.get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not acknowledged");
    }

    @Test
    void anInputTheModuleLeavesWithTheHubIsNotAcknowledged() throws Exception {
        inputs = (message, ack) -> ack.leaveWithHub();
        connected();
        com.microsoft.azure.sdk.iot.device.Message sdk =
                new com.microsoft.azure.sdk.iot.device.Message("{}");
        sdk.setInputName("input1");

        // The SDK's receive thread is free again at once, and sends no acknowledgement.
        assertThatThrownBy(() -> inputCallback().onCloudToDeviceMessageReceived(sdk, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("left a message on input 'input1' with the hub");
    }

    @Test
    void aMethodAnswersTheSdkWithTheHandlersStatusAndJsonAndNoCaller() throws Exception {
        methods =
                (method, payload, answer) ->
                        answer.answer(
                                400,
                                ("{\"method\":\""
                                                + method
                                                + "\",\"got\":"
                                                + new String(payload, StandardCharsets.UTF_8)
                                                + "}")
                                        .getBytes(StandardCharsets.UTF_8));
        connected();
        DirectMethodPayload payload = mock(DirectMethodPayload.class);
        when(payload.getPayloadAsJsonElement())
                .thenReturn(JsonParser.parseString("{\"threshold\":30}"));

        DirectMethodResponse response =
                methodCallback().onMethodInvoked("SetThreshold", payload, null);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getPayload().toString())
                .isEqualTo("{\"method\":\"SetThreshold\",\"got\":{\"threshold\":30}}");
        // The SDK does not say who called.
        assertThat(callers).containsExactly("null");
    }

    @Test
    void aMethodCalledWithoutAPayloadGetsJsonNull() throws Exception {
        List<String> payloads = new CopyOnWriteArrayList<>();
        methods =
                (method, payload, answer) -> {
                    payloads.add(new String(payload, StandardCharsets.UTF_8));
                    answer.answer(200, "{}".getBytes(StandardCharsets.UTF_8));
                };
        connected();

        methodCallback().onMethodInvoked("Reset", mock(DirectMethodPayload.class), null);

        assertThat(payloads).containsExactly("null");
    }

    @Test
    void aHandlerThatDoesNotAnswerInTimeGivesTheCaller504() throws Exception {
        methods = (method, payload, answer) -> {};
        connected();

        DirectMethodResponse response =
                methodCallback().onMethodInvoked("GetStats", mock(DirectMethodPayload.class), null);

        assertThat(response.getStatus()).isEqualTo(504);
        assertThat(String.valueOf(response.getPayload())).contains("did not answer within");
    }

    @Test
    void aDesiredPatchIsMergedIntoTheWholeDocumentWithItsVersion() throws Exception {
        connected();
        await().atMost(Duration.ofSeconds(5)).until(() -> desired.size() == 1);

        desiredCallback()
                .onDesiredPropertiesUpdated(
                        Twin.createFromDesiredPropertyJson("{\"mode\":\"eco\",\"$version\":5}"),
                        null);

        assertThat(JsonParser.parseString(desired.get(1)))
                .isEqualTo(
                        JsonParser.parseString(
                                "{\"threshold\":10,\"mode\":\"eco\",\"$version\":5}"));
    }

    @Test
    void aLostTwinAnswerIsAskedForAgain() throws Exception {
        transport("alpha", EdgeProperties.Protocol.MQTT);
        when(client.getTwin(anyInt()))
                .thenThrow(
                        new IotHubClientException(
                                IotHubStatusCode.DEVICE_OPERATION_TIMED_OUT, "no answer"))
                .thenReturn(
                        Twin.createFromPropertiesJson(
                                "{\"desired\":{\"threshold\":11,\"$version\":6},"
                                        + "\"reported\":{\"$version\":1}}"));

        transport.start(listener);
        statusCallback()
                .onStatusChanged(
                        change(
                                IotHubConnectionStatus.CONNECTED,
                                IotHubConnectionStatusChangeReason.CONNECTION_OK));

        await().atMost(Duration.ofSeconds(5)).until(() -> !desired.isEmpty());
        assertThat(desired).containsExactly("{\"threshold\":11,\"$version\":6}");
        verify(client, times(2)).getTwin(anyInt());
    }

    @Test
    void reportedPropertiesGoToTheSdkAsATwinCollection() throws Exception {
        connected();

        transport
                .reportProperties("{\"lastReset\":\"now\"}".getBytes(StandardCharsets.UTF_8))
                .get(5, TimeUnit.SECONDS);

        ArgumentCaptor<TwinCollection> reported = ArgumentCaptor.forClass(TwinCollection.class);
        verify(client).updateReportedProperties(reported.capture(), anyInt());
        assertThat(reported.getValue()).containsEntry("lastReset", "now");
    }

    private CompletableFuture<MethodResponse> invokeAnswering(Object answer) throws Exception {
        // Stubbed before the connect: Mockito's stubbing races with the twin read that the
        // connect starts on the transport's own thread.
        if (answer instanceof IotHubClientException failure) {
            when(client.invokeMethod(anyString(), anyString(), any())).thenThrow(failure);
        } else {
            when(client.invokeMethod(anyString(), anyString(), any()))
                    .thenReturn(
                            new com.microsoft.azure.sdk.iot.device.edge.DirectMethodResponse(
                                    (String) answer));
        }
        connected();
        return transport.invoke(
                "filter-module",
                "GetStats",
                "{}".getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(2));
    }

    @Test
    void aCallGoesToTheModuleOnThisModulesDeviceAndAnswersWithItsStatus() throws Exception {
        MethodResponse response =
                invokeAnswering("{\"status\":400,\"payload\":{\"message\":\"bad\"}}")
                        .get(5, TimeUnit.SECONDS);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.payloadAsString()).isEqualTo("{\"message\":\"bad\"}");
        ArgumentCaptor<DirectMethodRequest> request =
                ArgumentCaptor.forClass(DirectMethodRequest.class);
        verify(client).invokeMethod(eq("device"), eq("filter-module"), request.capture());
        // What the SDK sends to the hub for it.
        assertThat(JsonParser.parseString(request.getValue().toJson()))
                .isEqualTo(
                        JsonParser.parseString(
                                "{\"methodName\":\"GetStats\",\"responseTimeoutInSeconds\":2,"
                                        + "\"connectTimeoutInSeconds\":0,\"payload\":{}}"));
    }

    @Test
    void aCallToAModuleThatIsNotConnectedIsModuleNotConnectedWithTheHubsMessage() throws Exception {
        IotHubClientException notFound =
                new IotHubClientException(
                        IotHubStatusCode.NOT_FOUND,
                        "Could not invoke method",
                        new RuntimeException(
                                "{\"message\":\"Client device/filter-module not found\"}"));

        assertThatThrownBy(() -> invokeAnswering(notFound).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ModuleNotConnectedException.class)
                .hasMessageContaining("Client device/filter-module not found");
    }

    @Test
    void aCallTheHubTimesOutIsMethodTimedOut() throws Exception {
        // edgeHub's 504, which the SDK only knows as ERROR.
        IotHubClientException timedOut =
                new IotHubClientException(IotHubStatusCode.ERROR, "Could not invoke method");

        assertThatThrownBy(() -> invokeAnswering(timedOut).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(MethodTimedOutException.class);
    }

    @Test
    void aMethodThatFailsWith500IsMethodFailedAsOnTheMqttTransport() throws Exception {
        assertThatThrownBy(
                        () ->
                                invokeAnswering(
                                                "{\"status\":500,\"payload\":{\"message\":\"boom\"}}")
                                        .get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(MethodFailedException.class)
                .hasMessageContaining("boom");
    }

    @Test
    void aCallTheHubRefusesIsMethodFailedNamingTheStatusAndAnswer() throws Exception {
        IotHubClientException refused =
                new IotHubClientException(
                        IotHubStatusCode.UNAUTHORIZED,
                        "Could not invoke method",
                        new RuntimeException("{\"message\":\"token expired\"}"));

        assertThatThrownBy(() -> invokeAnswering(refused).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(MethodFailedException.class)
                .hasMessageContaining("UNAUTHORIZED")
                .hasMessageContaining("token expired");
    }

    @Test
    void describeSaysProtocolGatewayAndIdentity() throws Exception {
        assertThat(connected().describe()).isEqualTo("iotedge MQTT to localhost as device/alpha");
    }
}
