package io.edgejava.edge.mqtt;

import io.edgejava.edge.EdgeHeaders;
import io.edgejava.edge.HubRefusedException;
import io.edgejava.edge.MethodFailedException;
import io.edgejava.edge.MethodResponse;
import io.edgejava.edge.MethodTimedOutException;
import io.edgejava.edge.ModuleNotConnectedException;
import io.edgejava.edge.contract.ModuleTopic;
import io.edgejava.edge.contract.SystemProperties;
import io.edgejava.edge.contract.Topics;
import io.edgejava.edge.transport.EdgeTransport;
import io.edgejava.edge.transport.HubConnectionException;
import io.edgejava.edge.transport.InboundListener;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.paho.mqttv5.client.IMqttAsyncClient;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.integration.StaticMessageHeaderAccessor;
import org.springframework.integration.channel.FixedSubscriberChannel;
import org.springframework.integration.mqtt.inbound.Mqttv5PahoMessageDrivenChannelAdapter;
import org.springframework.integration.mqtt.support.MqttHeaders;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code mqtt} transport: the hub's topic contract over MQTT v5, with a persistent session (a
 * stable client id, no clean start, a session expiry), QoS 1 and manual acknowledgements.
 *
 * <p>Paho's defaults, a clean start and no session expiry, would make the hub forget the module and
 * everything routed to it the moment it disconnects; this transport never uses them.
 */
public final class MqttTransport implements EdgeTransport {

    private static final Logger log = LoggerFactory.getLogger(MqttTransport.class);

    /** The hub answers for itself under this id (a 404 for a module that is not connected). */
    private static final String HUB = "$edgeHub";

    private static final JsonMapper ANSWERS = JsonMapper.builder().build();

    private final String moduleId;
    private final String hubUrl;
    private final Duration connectTimeout;
    private final BeanFactory beanFactory;
    private final ApplicationEventPublisher events;
    private final HubClientManager clients;
    private final WireProperties wire = new WireProperties();
    private final Map<String, PendingCall> calls = new ConcurrentHashMap<>();
    private volatile Mqttv5PahoMessageDrivenChannelAdapter inbound;
    private volatile InboundListener listener;
    private final ExecutorService reports = Executors.newSingleThreadExecutor(reportThread());

    private record PendingCall(
            String module, String method, CompletableFuture<MethodResponse> answer) {}

    /**
     * @param moduleId the module's id, also its MQTT client id and user name
     * @param hubUrl {@code tcp://host:port} or {@code ws://host:port/mqtt}
     * @param key the module's key, its MQTT password
     * @param connectTimeout how long to wait for the hub at start-up and for each publish
     * @param sessionExpiry how long the hub keeps the module's session while it is away
     * @param beanFactory Spring Integration's infrastructure, for the inbound adapter
     * @param events where the adapter publishes its MQTT events (connection lost, subscribed)
     */
    public MqttTransport(
            String moduleId,
            String hubUrl,
            String key,
            Duration connectTimeout,
            Duration sessionExpiry,
            BeanFactory beanFactory,
            ApplicationEventPublisher events) {
        this.moduleId = moduleId;
        this.hubUrl = hubUrl;
        this.connectTimeout = connectTimeout;
        this.beanFactory = beanFactory;
        this.events = events;
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setServerURIs(new String[] {hubUrl});
        options.setUserName(moduleId);
        options.setPassword(key.getBytes(StandardCharsets.US_ASCII));
        options.setCleanStart(false);
        options.setSessionExpiryInterval(sessionExpiry.toSeconds());
        options.setAutomaticReconnect(true);
        // At most 5 s between attempts: the hub is local, an attempt is cheap, and with Paho's
        // doubling up to 30 s a module came back up to half a minute after a hub restart.
        options.setAutomaticReconnectDelay(1, 5);
        options.setConnectionTimeout((int) Math.max(1, connectTimeout.toSeconds()));
        options.setKeepAliveInterval(30);
        options.setSocketFactory(new NoDelaySocketFactory());
        this.clients = new HubClientManager(options, moduleId);
        clients.setManualAcks(true);
        clients.setCompletionTimeout(connectTimeout.toMillis());
        clients.setApplicationEventPublisher(events);
        // Nothing waits in the client when the module stops: inputs are acknowledged or left to
        // the hub, so Paho's 30 s quiescence would only slow every shutdown.
        clients.setQuiescentTimeout(500);
        clients.setDisconnectCompletionTimeout(2000);
    }

    @Override
    public void start(InboundListener listener) {
        this.listener = listener;
        clients.start();
        Mqttv5PahoMessageDrivenChannelAdapter adapter =
                new Mqttv5PahoMessageDrivenChannelAdapter(
                        clients,
                        new MqttSubscription(Topics.allInputs(moduleId), 1),
                        new MqttSubscription(Topics.allMethods(moduleId), 1),
                        new MqttSubscription(Topics.methodResponses(moduleId), 1),
                        new MqttSubscription(Topics.twinDesired(moduleId), 1));
        adapter.setPayloadType(byte[].class);
        adapter.setHeaderMapper(wire);
        adapter.setOutputChannel(new FixedSubscriberChannel(this::arrived));
        adapter.setBeanFactory(beanFactory);
        adapter.setApplicationEventPublisher(events);
        try {
            adapter.afterPropertiesSet();
            adapter.start();
        } catch (RuntimeException e) {
            clients.stop();
            throw e;
        }
        inbound = adapter;
        log.info("Module '{}' connected to the hub at {}", moduleId, hubUrl);
    }

    @Override
    public void stop() {
        Mqttv5PahoMessageDrivenChannelAdapter adapter = inbound;
        inbound = null;
        if (adapter != null) {
            adapter.stop();
        }
        clients.stop();
        reports.shutdown();
        calls.values()
                .forEach(
                        call ->
                                call.answer()
                                        .completeExceptionally(
                                                new HubConnectionException(
                                                        "the module stopped", null)));
        calls.clear();
    }

    private void arrived(Message<?> message) {
        String topic = (String) message.getHeaders().get(MqttHeaders.RECEIVED_TOPIC);
        long connection = clients.connection();
        Runnable acknowledge =
                () -> {
                    // A packet id is only meaningful on the connection it came on: after a
                    // reconnect the hub sends the message again, and a stale id could acknowledge
                    // another message.
                    var acknowledgment = StaticMessageHeaderAccessor.getAcknowledgment(message);
                    if (acknowledgment != null && clients.connection() == connection) {
                        acknowledgment.acknowledge();
                    }
                };
        Optional<ModuleTopic> parsed = Topics.parse(topic == null ? "" : topic);
        if (parsed.isEmpty() || !parsed.get().module().equals(moduleId)) {
            log.warn("Ignoring a message on unexpected topic '{}'", topic);
            acknowledge.run();
            return;
        }
        byte[] payload = (byte[]) message.getPayload();
        ModuleTopic target = parsed.get();
        switch (target.kind()) {
            case INPUT ->
                    listener.onInput(
                            target.name(),
                            MessageBuilder.withPayload(payload)
                                    .copyHeaders(message.getHeaders())
                                    .setHeader(EdgeHeaders.INPUT_NAME, target.name())
                                    .build(),
                            acknowledge::run);
            case METHOD -> {
                methodRequest(target.name(), payload, message.getHeaders());
                acknowledge.run();
            }
            case METHOD_RESPONSES -> {
                methodResponse(payload, message.getHeaders());
                acknowledge.run();
            }
            case TWIN_DESIRED -> {
                listener.onDesiredProperties(payload);
                acknowledge.run();
            }
            default -> {
                log.warn("Ignoring a message on '{}'", topic);
                acknowledge.run();
            }
        }
    }

    private void methodRequest(String method, byte[] payload, MessageHeaders headers) {
        String responseTopic = (String) headers.get(MqttHeaders.RESPONSE_TOPIC);
        byte[] correlation = (byte[]) headers.get(MqttHeaders.CORRELATION_DATA);
        String caller = (String) headers.get(EdgeHeaders.CONNECTION_MODULE_ID);
        if (responseTopic == null || correlation == null) {
            log.warn(
                    "Ignoring a call of '{}' without a response topic or correlation data", method);
            return;
        }
        listener.onMethod(
                method,
                payload,
                caller,
                (status, answer) -> {
                    MqttProperties properties = new MqttProperties();
                    properties.setCorrelationData(correlation);
                    properties.setContentType("application/json");
                    properties.setUserProperties(
                            java.util.List.of(
                                    new UserProperty(
                                            SystemProperties.METHOD_STATUS,
                                            Integer.toString(status))));
                    try {
                        publish(responseTopic, answer, properties);
                    } catch (RuntimeException e) {
                        log.warn(
                                "Could not answer '{}' to '{}': {}",
                                method,
                                caller,
                                e.getMessage());
                    }
                });
    }

    private void methodResponse(byte[] payload, MessageHeaders headers) {
        byte[] correlation = (byte[]) headers.get(MqttHeaders.CORRELATION_DATA);
        PendingCall call =
                correlation == null
                        ? null
                        : calls.remove(new String(correlation, StandardCharsets.US_ASCII));
        if (call == null) {
            log.debug("An answer arrived for a call that is over");
            return;
        }
        int status = parseStatus(headers.get(SystemProperties.METHOD_STATUS));
        String from = (String) headers.get(EdgeHeaders.CONNECTION_MODULE_ID);
        MethodResponse response = new MethodResponse(status, payload);
        if (status == 404 && HUB.equals(from)) {
            call.answer().completeExceptionally(new ModuleNotConnectedException(message(response)));
        } else if (status == 500) {
            call.answer()
                    .completeExceptionally(
                            new MethodFailedException(
                                    "method '"
                                            + call.method()
                                            + "' of module '"
                                            + call.module()
                                            + "' failed: "
                                            + message(response)));
        } else {
            call.answer().complete(response);
        }
    }

    @Override
    public void send(String output, Message<byte[]> message) {
        MqttProperties properties = new MqttProperties();
        wire.fromHeaders(message.getHeaders(), properties);
        publish(Topics.output(moduleId, output), message.getPayload(), properties);
    }

    @Override
    public CompletableFuture<MethodResponse> invoke(
            String module, String method, byte[] payload, Duration timeout) {
        String correlation = UUID.randomUUID().toString();
        CompletableFuture<MethodResponse> answer = new CompletableFuture<>();
        calls.put(correlation, new PendingCall(module, method, answer));
        MqttProperties properties = new MqttProperties();
        properties.setResponseTopic(Topics.methodResponses(moduleId));
        properties.setCorrelationData(correlation.getBytes(StandardCharsets.US_ASCII));
        properties.setMessageExpiryInterval(Math.max(1, (timeout.toMillis() + 999) / 1000));
        properties.setContentType("application/json");
        try {
            publish(Topics.method(module, method), payload, properties);
        } catch (RuntimeException e) {
            calls.remove(correlation);
            return CompletableFuture.failedFuture(e);
        }
        return answer.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle(
                        (response, failure) -> {
                            calls.remove(correlation);
                            if (failure == null) {
                                return response;
                            }
                            Throwable cause =
                                    failure instanceof CompletionException
                                            ? failure.getCause()
                                            : failure;
                            if (cause instanceof TimeoutException) {
                                throw new MethodTimedOutException(
                                        "module '"
                                                + module
                                                + "' did not answer method '"
                                                + method
                                                + "' within "
                                                + timeout.toMillis()
                                                + " ms");
                            }
                            throw cause instanceof RuntimeException runtime
                                    ? runtime
                                    : new CompletionException(cause);
                        });
    }

    @Override
    public CompletableFuture<Void> reportProperties(byte[] patch) {
        MqttProperties properties = new MqttProperties();
        properties.setContentType("application/json");
        // One thread, so that patches reach the hub in the order they were made.
        return CompletableFuture.runAsync(
                () -> publish(Topics.twinReported(moduleId), patch, properties), reports);
    }

    @Override
    public boolean isConnected() {
        return clients.isConnected();
    }

    @Override
    public String describe() {
        return hubUrl;
    }

    /** Publishes at QoS 1 and waits for the hub's acknowledgement. */
    private void publish(String topic, byte[] payload, MqttProperties properties) {
        IMqttAsyncClient client = clients.getClient();
        if (client == null || !client.isConnected()) {
            throw new HubConnectionException(
                    "Module '" + moduleId + "' is not connected to the hub at " + hubUrl, null);
        }
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        message.setProperties(properties);
        IMqttToken token;
        try {
            token = client.publish(topic, message);
            token.waitForCompletion(connectTimeout.toMillis());
        } catch (MqttException e) {
            if (e.getReasonCode() >= 0x80 && e.getReasonCode() <= 0xFF) {
                throw new HubRefusedException(
                        e.getReasonCode(),
                        "The hub refused the message to '" + topic + "': " + e.getMessage());
            }
            throw new HubConnectionException(
                    "Could not send to '" + topic + "': " + e.getMessage(), e);
        }
        int[] codes = token.getReasonCodes();
        if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
            MqttProperties response = token.getResponseProperties();
            String reason = response == null ? null : response.getReasonString();
            throw new HubRefusedException(
                    codes[0],
                    "The hub refused the message to '"
                            + topic
                            + "' (reason code 0x"
                            + Integer.toHexString(codes[0])
                            + "): "
                            + (reason == null ? "no reason given" : reason));
        }
    }

    private static int parseStatus(Object status) {
        try {
            return status == null ? 500 : Integer.parseInt(status.toString().trim());
        } catch (NumberFormatException e) {
            return 500;
        }
    }

    /** The {@code message} of a JSON error answer, else the answer's text as it is. */
    private static String message(MethodResponse response) {
        String text = response.payloadAsString();
        try {
            JsonNode message = ANSWERS.readTree(text).path("message");
            return message.isString() ? message.stringValue() : text;
        } catch (JacksonException e) {
            return text;
        }
    }

    private static CustomizableThreadFactory reportThread() {
        CustomizableThreadFactory threads = new CustomizableThreadFactory("edge-report-");
        threads.setDaemon(true);
        return threads;
    }
}
