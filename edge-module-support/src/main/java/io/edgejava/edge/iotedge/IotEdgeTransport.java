package io.edgejava.edge.iotedge;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.microsoft.azure.sdk.iot.device.ConnectionStatusChangeContext;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubConnectionStatusChangeReason;
import com.microsoft.azure.sdk.iot.device.IotHubMessageResult;
import com.microsoft.azure.sdk.iot.device.IotHubStatusCode;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.edge.DirectMethodRequest;
import com.microsoft.azure.sdk.iot.device.exceptions.IotHubClientException;
import com.microsoft.azure.sdk.iot.device.transport.IotHubConnectionStatus;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodPayload;
import com.microsoft.azure.sdk.iot.device.twin.DirectMethodResponse;
import com.microsoft.azure.sdk.iot.device.twin.Twin;
import com.microsoft.azure.sdk.iot.device.twin.TwinCollection;
import io.edgejava.edge.HubRefusedException;
import io.edgejava.edge.MethodFailedException;
import io.edgejava.edge.MethodResponse;
import io.edgejava.edge.MethodTimedOutException;
import io.edgejava.edge.ModuleNotConnectedException;
import io.edgejava.edge.runtime.EdgeProperties;
import io.edgejava.edge.transport.EdgeTransport;
import io.edgejava.edge.transport.HubConnectionException;
import io.edgejava.edge.transport.InboundListener;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code iotedge} transport: the Azure IoT Device SDK's {@link ModuleClient}, made by {@link
 * ModuleClient#createFromEnvironment} from the environment the IoT Edge runtime gives a module
 * ({@code IOTEDGE_*} and the workload API's Unix socket, or {@code EdgeHubConnectionString}).
 *
 * <p>How it maps the SDK onto {@link EdgeTransport}:
 *
 * <ul>
 *   <li>Inputs: the SDK acknowledges a message when its callback returns, so the callback waits
 *       until the flow has handled the message ({@code acknowledge} ran). This holds the SDK's one
 *       receive thread, on which method calls and desired properties also arrive: they wait behind
 *       an input message that is being handled, as they wait behind unacknowledged messages on the
 *       {@code mqtt} transport. The module bounds the wait ({@code edge.delivery.max-attempts},
 *       then the dead-letter output; only {@code RetryLaterException} holds a message for longer).
 *       When the module stops first, or leaves the message with the hub because it could not even
 *       dead-letter it, the callback throws, so that the SDK sends no acknowledgement and the hub
 *       delivers the message again after a reconnect.
 *   <li>Direct methods: the SDK wants the answer as the callback's return value; the handler runs
 *       on the module's method threads and the callback waits for it, at most {@code
 *       edge.iotedge.method-answer-timeout}. The SDK does not say who called, so handlers get no
 *       caller id on this transport.
 *   <li>Desired properties: the SDK gives the whole twin once and patches after it; the transport
 *       merges them and hands the module the whole document each time, as the {@code mqtt}
 *       transport does. After every reconnect it reads the twin again, because patches made while
 *       the module was away are not replayed.
 *   <li>Twin requests are retried (the SDK can lose a twin answer: azure-iot-sdk-java issue 1803).
 *   <li>When the SDK gives up reconnecting ({@code RETRY_EXPIRED}, or an error it does not retry),
 *       the transport opens the client again, with a growing pause, until it is connected or the
 *       module stops.
 * </ul>
 */
public final class IotEdgeTransport implements EdgeTransport {

    private static final Logger log = LoggerFactory.getLogger(IotEdgeTransport.class);

    private static final Duration LONGEST_REOPEN_PAUSE = Duration.ofSeconds(60);

    /** Makes the SDK's client. */
    @FunctionalInterface
    public interface ClientFactory {

        /**
         * @param protocol the protocol to edgeHub
         * @return a client that is not open yet
         * @throws IotHubClientException when the environment does not describe a module
         */
        ModuleClient create(IotHubClientProtocol protocol) throws IotHubClientException;

        /**
         * The client a module gets on a device: {@code createFromEnvironment}, with the workload
         * API reached through the JDK's own Unix domain sockets.
         *
         * @return the factory
         */
        static ClientFactory fromEnvironment() {
            return protocol ->
                    ModuleClient.createFromEnvironment(new JdkUnixDomainSocketChannel(), protocol);
        }
    }

    private final String moduleId;
    private final EdgeProperties.Iotedge settings;
    private final Duration connectTimeout;
    private final ClientFactory clients;
    private final JsonMapper json = JsonMapper.builder().build();
    private final DesiredDocument desired = new DesiredDocument(json);
    private final ScheduledExecutorService connection =
            Executors.newSingleThreadScheduledExecutor(threads("edge-iotedge-"));
    private final ExecutorService reports =
            Executors.newSingleThreadExecutor(threads("edge-report-"));
    private final ExecutorService calls = Executors.newCachedThreadPool(threads("edge-invoke-"));

    private volatile ModuleClient client;
    private volatile InboundListener listener;
    private volatile boolean connected;
    private volatile boolean stopping;
    private volatile String deviceId = "";
    private volatile String gateway = "";
    private volatile IotHubConnectionStatus lastStatus;
    private volatile IotHubConnectionStatusChangeReason lastReason;
    private volatile Duration reopenPause = Duration.ofSeconds(1);

    /**
     * @param moduleId the module's id; must be the one the environment names
     * @param settings the protocol, twin and method settings
     * @param connectTimeout how long start-up and each send wait for the hub
     * @param clients makes the SDK's client; {@link ClientFactory#fromEnvironment()} on a device
     */
    public IotEdgeTransport(
            String moduleId,
            EdgeProperties.Iotedge settings,
            Duration connectTimeout,
            ClientFactory clients) {
        this.moduleId = moduleId;
        this.settings = settings;
        this.connectTimeout = connectTimeout;
        this.clients = clients;
    }

    /**
     * The SDK protocol for a setting.
     *
     * @param protocol the setting
     * @return the SDK's protocol
     * @throws HubConnectionException for HTTPS, which the SDK's module client cannot use
     */
    static IotHubClientProtocol protocol(EdgeProperties.Protocol protocol) {
        return switch (protocol) {
            case MQTT -> IotHubClientProtocol.MQTT;
            case MQTT_WS -> IotHubClientProtocol.MQTT_WS;
            case AMQPS -> IotHubClientProtocol.AMQPS;
            case AMQPS_WS -> IotHubClientProtocol.AMQPS_WS;
            case HTTPS ->
                    throw new HubConnectionException(
                            "edge.iotedge.protocol=HTTPS (EDGE_IOTEDGE_PROTOCOL) cannot be used by a"
                                    + " module: the Azure IoT Device SDK's ModuleClient needs a"
                                    + " connection that stays open, to receive inputs, direct method"
                                    + " calls and desired properties, and HTTPS only polls. Use MQTT"
                                    + " (port 8883) or MQTT_WS (port 443, when only 443 is open);"
                                    + " AMQPS and AMQPS_WS work with edgeHub on a device.",
                            null);
        };
    }

    @Override
    public void start(InboundListener listener) {
        this.listener = listener;
        IotHubClientProtocol protocol = protocol(settings.protocol());
        ModuleClient created;
        try {
            created = clients.create(protocol);
        } catch (IotHubClientException | RuntimeException e) {
            throw new HubConnectionException(
                    "Cannot make the Azure IoT Device SDK's module client from the environment"
                            + " (IOTEDGE_* variables and the workload API, or"
                            + " EdgeHubConnectionString): "
                            + e.getMessage(),
                    e);
        }
        String named = created.getConfig().getModuleId();
        if (!moduleId.equals(named)) {
            created.close();
            throw new HubConnectionException(
                    "edge.module-id (EDGE_MODULE_ID) is '"
                            + moduleId
                            + "', but the IoT Edge runtime's environment names module '"
                            + named
                            + "': they must be the same module",
                    null);
        }
        deviceId = created.getConfig().getDeviceId();
        String gatewayHost = created.getConfig().getGatewayHostname();
        gateway =
                gatewayHost == null || gatewayHost.isEmpty()
                        ? created.getConfig().getIotHubHostname()
                        : gatewayHost;
        created.setConnectionStatusChangeCallback(this::statusChanged, null);
        created.setMessageCallback(this::received, null);
        created.setOperationTimeout(connectTimeout.toMillis());
        client = created;
        connect(created);
        log.info("Module '{}' connected to the hub at {}", moduleId, describe());
    }

    /** Opens the client, subscribes to methods and desired properties, and reads the twin. */
    private void connect(ModuleClient target) {
        try {
            // With retry: the SDK's own policy, until its operation timeout (connectTimeout).
            target.open(true);
        } catch (IotHubClientException e) {
            throw new HubConnectionException(
                    "Module '"
                            + moduleId
                            + "' could not connect to the hub at "
                            + describe()
                            + " within "
                            + connectTimeout
                            + ": "
                            + e.getMessage()
                            + amqpHint(),
                    e);
        }
        try {
            target.subscribeToMethods(this::methodInvoked, null, timeoutMillis());
            target.subscribeToDesiredProperties(this::desiredChanged, null, timeoutMillis());
        } catch (IotHubClientException e) {
            throw new HubConnectionException(
                    "Module '"
                            + moduleId
                            + "' could not subscribe to direct methods and desired properties: "
                            + e.getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubConnectionException("Interrupted while subscribing", e);
        }
    }

    private String amqpHint() {
        EdgeProperties.Protocol protocol = settings.protocol();
        return protocol == EdgeProperties.Protocol.AMQPS
                        || protocol == EdgeProperties.Protocol.AMQPS_WS
                ? ". If the hub is local-edge-hub: it does not emulate AMQP; set"
                        + " edge.iotedge.protocol (EDGE_IOTEDGE_PROTOCOL) to MQTT or MQTT_WS"
                : "";
    }

    @Override
    public void stop() {
        stopping = true;
        connected = false;
        ModuleClient current = client;
        client = null;
        if (current != null) {
            current.close();
        }
        connection.shutdownNow();
        reports.shutdown();
        calls.shutdownNow();
    }

    /**
     * Hands an input message to the module and returns only when the module is done with it: the
     * SDK acknowledges the message when this returns. This holds the SDK's one receive thread, so
     * direct method calls and desired properties wait behind the message. The module bounds the
     * wait: a flow that fails is retried {@code edge.delivery.max-attempts} times and the message
     * is then dead-lettered; only a flow that throws {@code RetryLaterException} keeps it, as long
     * as it asks to. When the module leaves the message with the hub (it stops, or could not
     * dead-letter it), this throws, so that the SDK sends no acknowledgement and the hub delivers
     * the message again after a reconnect.
     */
    private IotHubMessageResult received(
            com.microsoft.azure.sdk.iot.device.Message message, Object context) {
        CompletableFuture<Boolean> handled = new CompletableFuture<>();
        listener.onInput(
                message.getInputName(),
                SdkMessages.fromSdk(message),
                new InboundListener.Acknowledgement() {
                    @Override
                    public void acknowledge() {
                        handled.complete(true);
                    }

                    @Override
                    public void leaveWithHub() {
                        handled.complete(false);
                    }
                });
        boolean acknowledged;
        try {
            acknowledged = waitUnlessStopping(handled);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: message not acknowledged", e);
        }
        if (!acknowledged) {
            throw new IllegalStateException(
                    "module '"
                            + moduleId
                            + "' left a message on input '"
                            + message.getInputName()
                            + "' with the hub: not acknowledged, the hub delivers it again");
        }
        return IotHubMessageResult.COMPLETE;
    }

    /** The module's verdict on a message, or false when the module stops before giving one. */
    private boolean waitUnlessStopping(CompletableFuture<Boolean> handled)
            throws InterruptedException {
        while (!stopping) {
            try {
                return handled.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException slice) {
                // Still being handled: look again.
            } catch (ExecutionException e) {
                return false;
            }
        }
        return handled.getNow(false);
    }

    private DirectMethodResponse methodInvoked(
            String method, DirectMethodPayload payload, Object context) {
        CompletableFuture<DirectMethodResponse> answer = new CompletableFuture<>();
        // A call without a payload: the SDK may hold no JSON at all, and then cannot print it.
        JsonElement requestJson = payload == null ? null : payload.getPayloadAsJsonElement();
        String request = requestJson == null ? null : requestJson.toString();
        listener.onMethod(
                method,
                (request == null ? "null" : request).getBytes(StandardCharsets.UTF_8),
                null,
                (status, body) -> answer.complete(new DirectMethodResponse(status, jsonOf(body))));
        long deadline = System.nanoTime() + settings.methodAnswerTimeout().toNanos();
        try {
            // In slices, so that a module that stops does not wait for a handler that hangs.
            while (!stopping) {
                long left =
                        Math.min(deadline - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(200));
                if (left <= 0) {
                    throw new TimeoutException();
                }
                try {
                    return answer.get(left, TimeUnit.NANOSECONDS);
                } catch (TimeoutException slice) {
                    // Not yet: look again.
                }
            }
            return new DirectMethodResponse(503, Map.of("message", "module is stopping"));
        } catch (TimeoutException e) {
            log.warn(
                    "Method '{}' did not answer within {}; the caller gets 504",
                    method,
                    settings.methodAnswerTimeout());
            return new DirectMethodResponse(
                    504,
                    Map.of(
                            "message",
                            "method '"
                                    + method
                                    + "' of module '"
                                    + moduleId
                                    + "' did not answer within "
                                    + settings.methodAnswerTimeout()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DirectMethodResponse(503, Map.of("message", "module is stopping"));
        } catch (ExecutionException e) {
            return new DirectMethodResponse(500, Map.of("message", String.valueOf(e.getCause())));
        }
    }

    /** A JSON body as gson's tree, so that the SDK embeds it as JSON rather than as a string. */
    private static JsonElement jsonOf(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        try {
            return JsonParser.parseString(text);
        } catch (JsonParseException e) {
            return new JsonPrimitive(text);
        }
    }

    private void desiredChanged(Twin patch, Object context) {
        TwinCollection properties = patch.getDesiredProperties();
        Integer version = properties.getVersion();
        listener.onDesiredProperties(
                desired.merge(
                        properties.toJsonElement().toString(), version == null ? 0 : version));
    }

    private void readTwin() {
        Twin twin = twinRequest("read the twin", timeout -> client().getTwin(timeout));
        TwinCollection properties =
                twin.getDesiredProperties() == null
                        ? new TwinCollection()
                        : twin.getDesiredProperties();
        Integer version = properties.getVersion();
        listener.onDesiredProperties(
                desired.replace(
                        properties.toJsonElement().toString(), version == null ? 0 : version));
    }

    private void statusChanged(ConnectionStatusChangeContext change) {
        IotHubConnectionStatus status = change.getNewStatus();
        IotHubConnectionStatusChangeReason reason = change.getNewStatusReason();
        boolean wasConnected = connected;
        connected = status == IotHubConnectionStatus.CONNECTED;
        if (status != lastStatus || reason != lastReason) {
            lastStatus = status;
            lastReason = reason;
            Throwable cause = change.getCause();
            log.info(
                    "Module '{}': connection to {} is {} ({}){}",
                    moduleId,
                    describe(),
                    status,
                    reason,
                    cause == null ? "" : ": " + cause.getMessage());
        }
        if (stopping) {
            return;
        }
        if (connected && !wasConnected) {
            reopenPause = Duration.ofSeconds(1);
            // The whole twin after every connect: patches made while the module was away are not
            // replayed. Not on this thread, nor on the SDK's receive thread, where the twin's
            // answer arrives behind the input messages that waited in the hub meanwhile.
            connection.execute(this::readTwinOnce);
        } else if (status == IotHubConnectionStatus.DISCONNECTED
                && reason != IotHubConnectionStatusChangeReason.CLIENT_CLOSE) {
            // The SDK has given up: its retries expired, or it met an error it does not retry,
            // such as a workload API that is briefly away while the hub restarts.
            scheduleReopen();
        }
    }

    private void readTwinOnce() {
        try {
            readTwin();
        } catch (RuntimeException e) {
            log.warn("Module '{}' could not read its twin: {}", moduleId, e.getMessage());
        }
    }

    private void scheduleReopen() {
        Duration pause = reopenPause;
        reopenPause =
                pause.multipliedBy(2).compareTo(LONGEST_REOPEN_PAUSE) > 0
                        ? LONGEST_REOPEN_PAUSE
                        : pause.multipliedBy(2);
        log.info(
                "The SDK gave up connecting module '{}'; opening it again in {} s",
                moduleId,
                pause.toSeconds());
        connection.schedule(this::reopen, pause.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void reopen() {
        ModuleClient current = client;
        if (current == null || stopping) {
            return;
        }
        try {
            current.close();
            connect(current);
        } catch (RuntimeException e) {
            log.warn("Could not open module '{}' again: {}", moduleId, e.getMessage());
            scheduleReopen();
        }
    }

    @Override
    public void send(String output, Message<byte[]> message) {
        ModuleClient current = client;
        if (current == null || !connected) {
            throw new HubConnectionException(
                    "Module '" + moduleId + "' is not connected to the hub at " + describe(), null);
        }
        CompletableFuture<IotHubClientException> sent = new CompletableFuture<>();
        current.sendEventAsync(
                SdkMessages.toSdk(message),
                (m, failure, c) -> sent.complete(failure),
                null,
                output);
        IotHubClientException failure;
        try {
            failure = sent.get(connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new HubConnectionException(
                    "The hub did not acknowledge a message to output '"
                            + output
                            + "' within "
                            + connectTimeout,
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubConnectionException("Interrupted while sending", e);
        } catch (ExecutionException e) {
            throw new HubConnectionException("Could not send: " + e.getCause(), e.getCause());
        }
        if (failure != null) {
            throw sendFailure(output, failure);
        }
    }

    private static RuntimeException sendFailure(String output, IotHubClientException failure) {
        String message =
                "The hub refused the message to output '" + output + "': " + failure.getMessage();
        return switch (failure.getStatusCode()) {
            // The MQTT v5 reason codes the mqtt transport reports for the same refusals.
            case UNAUTHORIZED -> new HubRefusedException(0x87, message);
            case BAD_FORMAT -> new HubRefusedException(0x99, message);
            case REQUEST_ENTITY_TOO_LARGE, QUOTA_EXCEEDED -> new HubRefusedException(0x97, message);
            default ->
                    new HubConnectionException(
                            "Could not send to output '" + output + "': " + failure.getMessage(),
                            failure);
        };
    }

    @Override
    public CompletableFuture<MethodResponse> invoke(
            String module, String method, byte[] payload, Duration timeout) {
        ModuleClient current = client;
        if (current == null) {
            return CompletableFuture.failedFuture(
                    new HubConnectionException("Module '" + moduleId + "' is not started", null));
        }
        int seconds = (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
        return CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return current.invokeMethod(
                                        deviceId,
                                        module,
                                        new DirectMethodRequest(
                                                method, jsonOf(payload), seconds, 0));
                            } catch (IotHubClientException e) {
                                throw new CompletionException(e);
                            }
                        },
                        calls)
                // The HTTPS call's own timeouts are the SDK's; the caller's is this one.
                .orTimeout(timeout.toMillis() + 5000, TimeUnit.MILLISECONDS)
                .handle(
                        (response, failure) -> {
                            if (failure == null) {
                                return answer(module, method, response);
                            }
                            throw invokeFailure(module, method, timeout, failure);
                        });
    }

    private static MethodResponse answer(
            String module,
            String method,
            com.microsoft.azure.sdk.iot.device.edge.DirectMethodResponse response) {
        String body = response.getPayloadAsJsonString();
        MethodResponse answer =
                new MethodResponse(
                        response.getStatus(),
                        (body == null ? "null" : body).getBytes(StandardCharsets.UTF_8));
        if (answer.status() == 500) {
            throw new MethodFailedException(
                    "method '"
                            + method
                            + "' of module '"
                            + module
                            + "' failed: "
                            + answer.payloadAsString());
        }
        return answer;
    }

    private static MethodTimedOutException timedOut(
            String module, String method, Duration timeout, String detail) {
        return new MethodTimedOutException(
                "module '"
                        + module
                        + "' did not answer method '"
                        + method
                        + "' within "
                        + timeout.toMillis()
                        + " ms"
                        + detail);
    }

    private static RuntimeException invokeFailure(
            String module, String method, Duration timeout, Throwable failure) {
        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
        if (cause instanceof TimeoutException) {
            return timedOut(module, method, timeout, "");
        }
        if (cause instanceof IotHubClientException e) {
            // The SDK keeps the hub's answer as the cause's message, except for statuses it does
            // not know (ERROR), whose answer it drops.
            switch (e.getStatusCode()) {
                case NOT_FOUND:
                    return new ModuleNotConnectedException(
                            "module '"
                                    + module
                                    + "' is not connected to the hub (404"
                                    + hubAnswer(e)
                                    + ")");
                case ERROR:
                    // edgeHub's 504: the module did not answer in time. The SDK maps 504, like
                    // any status it does not know, to ERROR.
                    return timedOut(
                            module, method, timeout, " (the hub answered with status ERROR)");
                case IO_ERROR:
                    return new HubConnectionException(
                            "Could not reach the hub to call '" + method + "' of '" + module + "'",
                            e);
                default:
                    return new MethodFailedException(
                            "calling '"
                                    + method
                                    + "' of module '"
                                    + module
                                    + "' failed with status "
                                    + e.getStatusCode()
                                    + hubAnswer(e));
            }
        }
        return cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
    }

    /** The hub's answer to a failed call, as the SDK keeps it, or nothing. */
    private static String hubAnswer(IotHubClientException failure) {
        Throwable cause = failure.getCause();
        String answer = cause == null ? null : cause.getMessage();
        return answer == null || answer.isBlank() ? "" : ": " + answer.strip();
    }

    @Override
    public CompletableFuture<Void> reportProperties(byte[] patch) {
        Map<String, Object> properties;
        try {
            properties = json.readValue(patch, new TypeReference<Map<String, Object>>() {});
        } catch (JacksonException e) {
            return CompletableFuture.failedFuture(
                    new IllegalArgumentException("reported properties must be a JSON object", e));
        }
        // One thread, so that patches reach the hub in the order they were made.
        return CompletableFuture.runAsync(
                () ->
                        twinRequest(
                                "report properties",
                                timeout ->
                                        client().updateReportedProperties(
                                                        new TwinCollection(properties), timeout)),
                reports);
    }

    /** One twin request that may lose its answer: a timeout each time, a few attempts. */
    private <T> T twinRequest(String what, TwinCall<T> call) {
        IotHubClientException last = null;
        for (int attempt = 1; attempt <= settings.twinAttempts(); attempt++) {
            try {
                return call.call(timeoutMillis());
            } catch (IotHubClientException e) {
                last = e;
                if (!IotHubStatusCode.isRetryable(e.getStatusCode())) {
                    break;
                }
                log.info(
                        "Could not {} (attempt {} of {}): {}",
                        what,
                        attempt,
                        settings.twinAttempts(),
                        e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HubConnectionException("Interrupted while trying to " + what, e);
            }
        }
        throw new HubConnectionException(
                "Module '" + moduleId + "' could not " + what + ": " + last.getMessage(), last);
    }

    @FunctionalInterface
    private interface TwinCall<T> {
        T call(int timeoutMillis) throws IotHubClientException, InterruptedException;
    }

    private ModuleClient client() {
        ModuleClient current = client;
        if (current == null) {
            throw new HubConnectionException("Module '" + moduleId + "' is not started", null);
        }
        return current;
    }

    private int timeoutMillis() {
        return (int) Math.min(Integer.MAX_VALUE, settings.twinTimeout().toMillis());
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    @Override
    public String describe() {
        return "iotedge "
                + settings.protocol()
                + " to "
                + (gateway.isEmpty() ? "edgeHub" : gateway)
                + (deviceId.isEmpty() ? "" : " as " + deviceId + "/" + moduleId);
    }

    private static CustomizableThreadFactory threads(String prefix) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory(prefix);
        threads.setDaemon(true);
        return threads;
    }
}
