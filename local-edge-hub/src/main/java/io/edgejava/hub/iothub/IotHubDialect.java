package io.edgejava.hub.iothub;

import com.hivemq.extension.sdk.api.interceptor.publish.PublishOutboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishOutboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishOutboundOutput;
import com.hivemq.extension.sdk.api.interceptor.subscribe.SubscribeInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.subscribe.parameter.SubscribeInboundInput;
import com.hivemq.extension.sdk.api.interceptor.subscribe.parameter.SubscribeInboundOutput;
import com.hivemq.extension.sdk.api.packets.general.ModifiableUserProperties;
import com.hivemq.extension.sdk.api.packets.general.Qos;
import com.hivemq.extension.sdk.api.packets.general.UserProperty;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.packets.publish.ModifiableOutboundPublish;
import com.hivemq.extension.sdk.api.packets.publish.ModifiablePublishPacket;
import com.hivemq.extension.sdk.api.packets.subscribe.ModifiableSubscription;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import com.hivemq.extension.sdk.api.services.publish.PublishToClientResult;
import io.edgejava.edge.contract.ModuleTopic;
import io.edgejava.edge.contract.SystemProperties;
import io.edgejava.edge.contract.Topics;
import io.edgejava.hub.twin.TwinStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Speaks IoT Hub's module topics ({@link IotHubTopics}) to clients of the Azure IoT Device SDK and
 * translates them onto the hub's own contract ({@link Topics}), so that routes, store and forward,
 * twins and direct methods are one system for SDK modules and {@code mqtt} modules alike.
 *
 * <ul>
 *   <li>Telemetry becomes a publish on the module's output and is routed as any other.
 *   <li>The SDK's subscriptions become the module's own input, method and desired-property
 *       subscriptions, so the hub's isolation rules apply unchanged; what the hub sends on them is
 *       renamed back into IoT Hub's topics on the way out, for this client only.
 *   <li>Twin requests are answered to the requesting client alone ({@code publishToClient}), and
 *       every {@code $iothub} publish a module makes is consumed here: nothing is ever broadcast on
 *       a {@code $iothub} topic, so no module sees another's twin or method calls.
 * </ul>
 *
 * <p>Clients of this dialect are told apart by their client id, {@code {device}/{module}}: a module
 * id cannot hold a {@code /}, so an {@code mqtt} client's id never does.
 */
public final class IotHubDialect {

    private static final Logger log = LoggerFactory.getLogger(IotHubDialect.class);

    private final String deviceId;
    private final TwinStore twins;
    private final JsonMapper json;
    private final MeterRegistry meters;

    /** What the hub does with a publish after the dialect has seen it. */
    public enum Inbound {
        /** Translated into the hub's contract: handle it as any module's publish. */
        CONTINUE,
        /** Answered or refused here: nothing more to do. */
        HANDLED
    }

    public IotHubDialect(String deviceId, TwinStore twins, JsonMapper json, MeterRegistry meters) {
        this.deviceId = deviceId;
        this.twins = twins;
        this.json = json;
        this.meters = meters;
    }

    /**
     * @param clientId an MQTT client id
     * @return whether the client speaks IoT Hub's topics
     */
    public static boolean isIotHubClient(String clientId) {
        return clientId.indexOf('/') > 0;
    }

    /**
     * @param clientId an MQTT client id of either dialect
     * @return the module it is: the client id itself, or the part after {@code {device}/}
     */
    public static String moduleOf(String clientId) {
        return clientId.substring(clientId.lastIndexOf('/') + 1);
    }

    /**
     * @param filter a topic filter an SDK client asked for, after {@link #subscriptions()}
     * @return whether it is one only the hub publishes to, and only for this client
     */
    public static boolean isPrivateFilter(String filter) {
        return IotHubTopics.TWIN_RESPONSES_FILTER.equals(filter);
    }

    /**
     * Translates a publish of an SDK client into the hub's contract, or answers it.
     *
     * @param clientId the publishing client, {@code {device}/{module}}
     * @param output the publish, modified in place
     * @return whether the hub should go on handling it
     */
    public Inbound translate(String clientId, PublishInboundOutput output) {
        ModifiablePublishPacket packet = output.getPublishPacket();
        String module = moduleOf(clientId);
        String topic = packet.getTopic();
        if (topic.startsWith(IotHubTopics.IOTHUB)) {
            return request(clientId, module, packet, output);
        }
        Optional<IotHubTopics.Telemetry> telemetry = IotHubTopics.telemetry(topic);
        if (telemetry.isEmpty()) {
            return refuse(
                    output,
                    clientId,
                    "not-in-contract",
                    "topic '"
                            + topic
                            + "' is not one of IoT Hub's module topics"
                            + " (devices/{device}/modules/{module}/messages/events/...)");
        }
        IotHubTopics.Telemetry message = telemetry.get();
        if (!deviceId.equals(message.device()) || !module.equals(message.module())) {
            return refuse(
                    output,
                    clientId,
                    "spoofing",
                    "'"
                            + clientId
                            + "' may not send as '"
                            + message.device()
                            + "/"
                            + message.module()
                            + "'");
        }
        String outputName = message.properties().get(IotHubTopics.OUTPUT_NAME);
        if (outputName == null || outputName.isEmpty()) {
            return refuse(
                    output,
                    clientId,
                    "no-output",
                    "a module's message needs an output name ($.on): send it with"
                            + " ModuleClient.sendEventAsync(message, callback, context, output)");
        }
        try {
            packet.setTopic(Topics.output(module, outputName));
        } catch (IllegalArgumentException e) {
            return refuse(output, clientId, "not-in-contract", e.getMessage());
        }
        ModifiableUserProperties properties = packet.getUserProperties();
        message.properties()
                .forEach(
                        (name, value) -> {
                            switch (name) {
                                case IotHubTopics.MESSAGE_ID ->
                                        properties.addUserProperty(
                                                SystemProperties.MESSAGE_ID, value);
                                case IotHubTopics.CORRELATION_ID ->
                                        properties.addUserProperty(
                                                SystemProperties.CORRELATION_ID, value);
                                case IotHubTopics.CONTENT_ENCODING ->
                                        properties.addUserProperty(
                                                SystemProperties.CONTENT_ENCODING, value);
                                case IotHubTopics.CREATION_TIME ->
                                        properties.addUserProperty(
                                                SystemProperties.CREATION_TIME_UTC, value);
                                case IotHubTopics.CONTENT_TYPE -> packet.setContentType(value);
                                default -> {
                                    // Other system properties ($.to, $.uid, iothub-..., ...) mean
                                    // nothing between modules; application properties pass.
                                    if (!name.startsWith(SystemProperties.PREFIX)
                                            && !name.startsWith("iothub-")) {
                                        properties.addUserProperty(name, value);
                                    }
                                }
                            }
                        });
        return Inbound.CONTINUE;
    }

    private Inbound request(
            String clientId,
            String module,
            ModifiablePublishPacket packet,
            PublishInboundOutput output) {
        Optional<IotHubTopics.Request> parsed = IotHubTopics.request(packet.getTopic());
        if (parsed.isEmpty()) {
            return refuse(
                    output,
                    clientId,
                    "not-in-contract",
                    "'"
                            + packet.getTopic()
                            + "' is no request local-edge-hub answers (it emulates twin GET,"
                            + " reported PATCH and method answers)");
        }
        IotHubTopics.Request request = parsed.get();
        switch (request.kind()) {
            case TWIN_GET -> {
                ObjectNode twin =
                        twins.twin(module)
                                .orElseGet(
                                        () -> {
                                            ObjectNode empty = json.createObjectNode();
                                            empty.putObject("desired").put("$version", 0);
                                            empty.putObject("reported").put("$version", 0);
                                            return empty;
                                        });
                reply(clientId, IotHubTopics.twinResponse(200, request.requestId(), null), twin);
                output.preventPublishDelivery();
                return Inbound.HANDLED;
            }
            case TWIN_REPORTED -> {
                JsonNode patch = parse(packet);
                if (!(patch instanceof ObjectNode object)) {
                    reply(
                            clientId,
                            IotHubTopics.twinResponse(400, request.requestId(), null),
                            json.createObjectNode()
                                    .put("message", "reported properties must be a JSON object"));
                    output.preventPublishDelivery();
                    return Inbound.HANDLED;
                }
                twins.patchReported(module, object);
                long version =
                        twins.twin(module)
                                .map(twin -> twin.path("reported").path("$version").asLong())
                                .orElse(0L);
                reply(clientId, IotHubTopics.twinResponse(204, request.requestId(), version), null);
                output.preventPublishDelivery();
                return Inbound.HANDLED;
            }
            case METHOD_RESPONSE -> {
                Optional<MethodRequestId> call = MethodRequestId.decode(request.requestId());
                if (call.isEmpty()) {
                    return refuse(
                            output,
                            clientId,
                            "invalid-method-response",
                            "method answer with an unknown $rid '" + request.requestId() + "'");
                }
                // The answer goes the way an mqtt module's answer goes: to the caller's response
                // topic, where the hub checks that a call is waiting for it.
                packet.setTopic(Topics.methodResponses(call.get().caller()));
                packet.setCorrelationData(ByteBuffer.wrap(call.get().correlationData()));
                packet.setContentType("application/json");
                packet.getUserProperties().removeName(SystemProperties.METHOD_STATUS);
                packet.getUserProperties()
                        .addUserProperty(
                                SystemProperties.METHOD_STATUS, Integer.toString(request.status()));
                return Inbound.CONTINUE;
            }
        }
        throw new IllegalStateException("unknown request kind " + request.kind());
    }

    private JsonNode parse(ModifiablePublishPacket packet) {
        try {
            return json.readTree(bytes(packet.getPayload()));
        } catch (JacksonException e) {
            return null;
        }
    }

    /** Sends a twin answer to one client: the only way a $iothub topic ever reaches a module. */
    private void reply(String clientId, String topic, JsonNode body) {
        byte[] payload = body == null ? new byte[0] : json.writeValueAsBytes(body);
        Services.publishService()
                .publishToClient(
                        Builders.publish()
                                .topic(topic)
                                .qos(Qos.AT_LEAST_ONCE)
                                .payload(ByteBuffer.wrap(payload))
                                .build(),
                        clientId)
                .whenComplete(
                        (result, failure) -> {
                            if (failure != null || result != PublishToClientResult.SUCCESSFUL) {
                                log.warn(
                                        "Could not answer '{}' on {}: {}",
                                        clientId,
                                        topic,
                                        failure != null ? failure.getMessage() : result);
                            }
                        });
    }

    /**
     * Refuses a publish. An MQTT 3.1.1 acknowledgement carries no reason, and HiveMQ disconnects a
     * 3.1.1 client whose publish is refused with one; the SDK would then send the same message
     * again, for ever. So the message is acknowledged and dropped, and the reason is in the hub's
     * log and counters ({@code hub.messages.refused}).
     */
    private Inbound refuse(
            PublishInboundOutput output, String clientId, String reasonTag, String reason) {
        log.warn("Refused a publish of '{}': {}", clientId, reason);
        meters.counter("hub.messages.refused", "reason", reasonTag).increment();
        output.preventPublishDelivery(AckReasonCode.SUCCESS);
        return Inbound.HANDLED;
    }

    /** Renames the SDK's subscriptions into the module's own topics of the hub's contract. */
    public SubscribeInboundInterceptor subscriptions() {
        return this::subscribe;
    }

    private void subscribe(SubscribeInboundInput input, SubscribeInboundOutput output) {
        String clientId = input.getClientInformation().getClientId();
        String module = moduleOf(clientId);
        for (ModifiableSubscription subscription : output.getSubscribePacket().getSubscriptions()) {
            String filter = subscription.getTopicFilter();
            if (filter.equals(IotHubTopics.inputsFilter(deviceId, module))) {
                subscription.setTopicFilter(Topics.allInputs(module));
                continue;
            }
            if (filter.equals(IotHubTopics.METHODS_FILTER)) {
                subscription.setTopicFilter(Topics.allMethods(module));
            } else if (filter.equals(IotHubTopics.DESIRED_FILTER)) {
                subscription.setTopicFilter(Topics.twinDesired(module));
            } else if (!filter.equals(IotHubTopics.TWIN_RESPONSES_FILTER)) {
                // Left as asked, for the subscription authorizer to refuse.
                continue;
            }
            // Method calls, twin answers and desired properties go at most once, as IoT Hub sends
            // them. The SDK acknowledges a message only after its handler returned, so a call or
            // answer left unacknowledged by a module that stopped would otherwise reach the
            // module's next connection, long over, and a twin answer it never asked for blocks the
            // SDK's twin requests. The transport reads the whole twin after every connect anyway.
            subscription.setQos(Qos.AT_MOST_ONCE);
        }
    }

    /** Renames what the hub sends to an SDK client into IoT Hub's topics. */
    public PublishOutboundInterceptor deliveries() {
        return this::deliver;
    }

    private void deliver(PublishOutboundInput input, PublishOutboundOutput output) {
        ModifiableOutboundPublish publish = output.getPublishPacket();
        Optional<ModuleTopic> topic = Topics.parse(publish.getTopic());
        if (topic.isEmpty()) {
            return;
        }
        ModuleTopic target = topic.get();
        switch (target.kind()) {
            case INPUT -> publish.setTopic(inputTopic(target, publish));
            case METHOD -> {
                Optional<String> caller =
                        publish.getResponseTopic().flatMap(Topics::parse).map(ModuleTopic::module);
                if (caller.isEmpty() || publish.getCorrelationData().isEmpty()) {
                    output.preventPublishDelivery();
                    return;
                }
                publish.setTopic(
                        IotHubTopics.methodRequest(
                                target.name(),
                                new MethodRequestId(
                                                caller.get(), bytes(publish.getCorrelationData()))
                                        .encode()));
            }
            case TWIN_DESIRED -> {
                long version;
                try {
                    version = json.readTree(bytes(publish.getPayload())).path("$version").asLong();
                } catch (JacksonException e) {
                    version = 0;
                }
                publish.setTopic(IotHubTopics.desired(version));
                publish.setRetain(false);
            }
            default -> {
                // Nothing else reaches an SDK client: its subscriptions cannot match anything else.
            }
        }
    }

    private String inputTopic(ModuleTopic target, ModifiableOutboundPublish publish) {
        Map<String, String> bag = new LinkedHashMap<>();
        Map<String, String> system = new LinkedHashMap<>();
        for (UserProperty property : publish.getUserProperties().asList()) {
            String name = property.getName();
            String value = property.getValue();
            switch (name) {
                case SystemProperties.MESSAGE_ID -> system.put(IotHubTopics.MESSAGE_ID, value);
                case SystemProperties.CORRELATION_ID ->
                        system.put(IotHubTopics.CORRELATION_ID, value);
                case SystemProperties.CONTENT_ENCODING ->
                        system.put(IotHubTopics.CONTENT_ENCODING, value);
                case SystemProperties.CREATION_TIME_UTC ->
                        system.put(IotHubTopics.CREATION_TIME, value);
                case SystemProperties.CONNECTION_DEVICE_ID ->
                        system.put(IotHubTopics.CONNECTION_DEVICE_ID, value);
                case SystemProperties.CONNECTION_MODULE_ID ->
                        system.put(IotHubTopics.CONNECTION_MODULE_ID, value);
                case SystemProperties.OUTPUT_NAME -> system.put(IotHubTopics.OUTPUT_NAME, value);
                default -> {
                    if (!SystemProperties.isSystemProperty(name)) {
                        bag.putIfAbsent(name, value);
                    }
                }
            }
        }
        publish.getContentType().ifPresent(type -> system.put(IotHubTopics.CONTENT_TYPE, type));
        Map<String, String> all = new LinkedHashMap<>(system);
        all.putAll(bag);
        return IotHubTopics.input(deviceId, target.module(), target.name(), all);
    }

    private static byte[] bytes(Optional<ByteBuffer> buffer) {
        if (buffer.isEmpty()) {
            return new byte[0];
        }
        ByteBuffer copy = buffer.get().duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }

    /**
     * A method call's request id on IoT Hub's topics: the caller and the call's correlation data,
     * so that the answer finds its way back without the hub keeping a table.
     */
    record MethodRequestId(String caller, byte[] correlationData) {

        private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
        private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

        String encode() {
            return ENCODER.encodeToString(caller.getBytes(StandardCharsets.UTF_8))
                    + "."
                    + ENCODER.encodeToString(correlationData);
        }

        static Optional<MethodRequestId> decode(String requestId) {
            int dot = requestId.indexOf('.');
            if (dot <= 0) {
                return Optional.empty();
            }
            try {
                return Optional.of(
                        new MethodRequestId(
                                new String(
                                        DECODER.decode(requestId.substring(0, dot)),
                                        StandardCharsets.UTF_8),
                                DECODER.decode(requestId.substring(dot + 1))));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }
}
