package io.edgejava.hub.broker;

import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.interceptor.publish.PublishInboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundInput;
import com.hivemq.extension.sdk.api.interceptor.publish.parameter.PublishInboundOutput;
import com.hivemq.extension.sdk.api.packets.general.ModifiableUserProperties;
import com.hivemq.extension.sdk.api.packets.general.UserProperty;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.packets.publish.ModifiablePublishPacket;
import com.hivemq.extension.sdk.api.packets.publish.PublishPacket;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import com.hivemq.extension.sdk.api.services.builder.PublishBuilder;
import com.hivemq.extension.sdk.api.services.publish.Publish;
import io.edgejava.edge.contract.ModuleTopic;
import io.edgejava.edge.contract.SystemProperties;
import io.edgejava.edge.contract.Topics;
import io.edgejava.hub.identity.Observers;
import io.edgejava.hub.iothub.IotHubDialect;
import io.edgejava.hub.method.MethodCalls;
import io.edgejava.hub.routing.Delivery;
import io.edgejava.hub.routing.RoutableMessage;
import io.edgejava.hub.routing.Route;
import io.edgejava.hub.routing.RouteSink;
import io.edgejava.hub.routing.RouteTable;
import io.edgejava.hub.routing.RoutingDecision;
import io.edgejava.hub.twin.TwinStore;
import io.edgejava.hub.upstream.UpstreamLog;
import io.edgejava.hub.upstream.UpstreamMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Everything a module publishes passes here, and here the hub decides what happens to it.
 *
 * <p>A publish a module may not make is refused here, with NOT_AUTHORIZED and a reason, rather than
 * by a publish authorizer: HiveMQ disconnects an MQTT 5 client whose publish an authorizer refuses,
 * and a module that reconnects in a loop hides the reason and floods the log. Refused here, the
 * module stays connected and its client sees the reason code on the PUBACK.
 *
 * <p>A routed message is rewritten in place to its first destination and copied only for the
 * others: re-publishing every message as a copy costs about a third of the broker's throughput.
 */
public final class HubPublishInterceptor implements PublishInboundInterceptor {

    private static final Logger log = LoggerFactory.getLogger(HubPublishInterceptor.class);

    /** MQTT's largest message expiry interval. */
    private static final long MAX_EXPIRY_SECONDS = 4_294_967_295L;

    private final String deviceId;
    private final int maxMessageBytes;
    private final RouteTable routes;
    private final RouteCounters routeCounters;
    private final MethodCalls methods;
    private final TwinStore twins;
    private final UpstreamLog upstream;
    private final JsonMapper json;
    private final MeterRegistry meters;
    private final Counter unrouted;
    private final IotHubDialect iotHub;
    private final Map<String, Counter> receivedByModule = new ConcurrentHashMap<>();

    public HubPublishInterceptor(
            String deviceId,
            int maxMessageBytes,
            RouteTable routes,
            RouteCounters routeCounters,
            MethodCalls methods,
            TwinStore twins,
            UpstreamLog upstream,
            JsonMapper json,
            MeterRegistry meters,
            IotHubDialect iotHub) {
        this.iotHub = iotHub;
        this.deviceId = deviceId;
        this.maxMessageBytes = maxMessageBytes;
        this.routes = routes;
        this.routeCounters = routeCounters;
        this.methods = methods;
        this.twins = twins;
        this.upstream = upstream;
        this.json = json;
        this.meters = meters;
        this.unrouted =
                Counter.builder("hub.messages.unrouted")
                        .description("Messages that no route matched")
                        .register(meters);
    }

    @Override
    public void onInboundPublish(PublishInboundInput input, PublishInboundOutput output) {
        try {
            handle(input, output);
        } catch (RuntimeException e) {
            // The sender gets an error PUBACK and keeps its message, so it can send it again.
            log.error(
                    "Failed to handle a publish of '{}' on '{}'",
                    input.getClientInformation().getClientId(),
                    input.getPublishPacket().getTopic(),
                    e);
            meters.counter("hub.messages.refused", "reason", "hub-error").increment();
            output.preventPublishDelivery(
                    AckReasonCode.IMPLEMENTATION_SPECIFIC_ERROR,
                    "the hub failed to handle this message: " + e);
        }
    }

    private void handle(PublishInboundInput input, PublishInboundOutput original) {
        String clientId = input.getClientInformation().getClientId();
        PublishInboundOutput output = original;
        if (IotHubDialect.isIotHubClient(clientId)) {
            output = new Mqtt3Output(original);
            if (iotHub.translate(clientId, output) == IotHubDialect.Inbound.HANDLED) {
                return;
            }
        }
        String sender = IotHubDialect.moduleOf(clientId);
        // The packet as it is now: the IoT Hub dialect may have translated it.
        PublishPacket packet = output.getPublishPacket();
        if (Observers.isObserver(sender)) {
            refuse(
                    output,
                    sender,
                    AckReasonCode.NOT_AUTHORIZED,
                    "observer-publish",
                    "observers only read; '" + packet.getTopic() + "' is not theirs to publish");
            return;
        }
        int size = packet.getPayload().map(ByteBuffer::remaining).orElse(0);
        if (size > maxMessageBytes) {
            refuse(
                    output,
                    sender,
                    AckReasonCode.QUOTA_EXCEEDED,
                    "too-large",
                    "message of "
                            + size
                            + " bytes on '"
                            + packet.getTopic()
                            + "' exceeds the hub's limit of "
                            + maxMessageBytes
                            + " bytes (edgeHub refuses messages over 256 KB; share large data"
                            + " through a file instead)");
            return;
        }
        Optional<ModuleTopic> topic = Topics.parse(packet.getTopic());
        if (topic.isEmpty()) {
            refuse(
                    output,
                    sender,
                    AckReasonCode.NOT_AUTHORIZED,
                    "not-in-contract",
                    "topic '" + packet.getTopic() + "' is not part of the hub's topic contract");
            return;
        }
        ModuleTopic target = topic.get();
        switch (target.kind()) {
            case OUTPUT -> {
                if (own(output, sender, target)) {
                    route(sender, target.name(), packet, output);
                }
            }
            case METHOD -> methodRequest(sender, target, packet, output);
            case METHOD_RESPONSES -> methodResponse(sender, target.module(), packet, output);
            case TWIN_REPORTED -> {
                if (own(output, sender, target)) {
                    reported(sender, packet, output);
                }
            }
            case INPUT, TWIN_DESIRED ->
                    refuse(
                            output,
                            sender,
                            AckReasonCode.NOT_AUTHORIZED,
                            "hub-only-topic",
                            "only the hub publishes to '" + packet.getTopic() + "'");
        }
    }

    private boolean own(PublishInboundOutput output, String sender, ModuleTopic target) {
        if (target.module().equals(sender)) {
            return true;
        }
        refuse(
                output,
                sender,
                AckReasonCode.NOT_AUTHORIZED,
                "spoofing",
                "module '"
                        + sender
                        + "' may not publish as module '"
                        + target.module()
                        + "' (topic modules/"
                        + target.module()
                        + "/...)");
        return false;
    }

    private void route(
            String sender, String outputName, PublishPacket packet, PublishInboundOutput output) {
        receivedByModule
                .computeIfAbsent(
                        sender,
                        module ->
                                Counter.builder("hub.messages.received")
                                        .tag("module", module)
                                        .description("Messages modules sent on their outputs")
                                        .register(meters))
                .increment();
        ModifiablePublishPacket message = output.getPublishPacket();
        // edgeHub has no retained messages; a retained output would stick to the input topic.
        message.setRetain(false);
        ModifiableUserProperties properties = message.getUserProperties();
        for (String stamped : SystemProperties.HUB_STAMPED) {
            properties.removeName(stamped);
        }
        String enqueued = Instant.now().toString();
        properties.addUserProperty(SystemProperties.CONNECTION_DEVICE_ID, deviceId);
        properties.addUserProperty(SystemProperties.CONNECTION_MODULE_ID, sender);
        properties.addUserProperty(SystemProperties.OUTPUT_NAME, outputName);
        properties.addUserProperty(SystemProperties.ENQUEUED_TIME_UTC, enqueued);

        RoutingDecision decision = routes.route(routable(sender, outputName, message));
        decision.matched().forEach(routeCounters::matched);
        for (Route route : decision.undefined()) {
            routeCounters.undefined(route);
            log.debug(
                    "Route '{}': condition undefined for a message of '{}'", route.name(), sender);
        }
        List<Delivery> deliveries = decision.deliveries();
        if (deliveries.isEmpty()) {
            unrouted.increment();
            output.preventPublishDelivery(AckReasonCode.SUCCESS);
            return;
        }
        Optional<Long> senderExpiry = message.getMessageExpiryInterval();
        // Copies first, while the packet still has the sender's topic and expiry.
        for (int i = 1; i < deliveries.size(); i++) {
            Delivery copy = deliveries.get(i);
            Services.publishService()
                    .publish(
                            copyOf(
                                    message,
                                    destination(copy.sink(), sender, outputName),
                                    expiry(copy.route(), senderExpiry)));
            delivered(copy, sender, outputName, message);
        }
        Delivery first = deliveries.get(0);
        message.setTopic(destination(first.sink(), sender, outputName));
        message.setMessageExpiryInterval(expiry(first.route(), senderExpiry));
        delivered(first, sender, outputName, message);
    }

    /**
     * A copy of a message for another destination. Built field by field: HiveMQ's {@code
     * fromPublish} does not take a packet an interceptor is modifying.
     */
    private static Publish copyOf(PublishPacket message, String topic, long expirySeconds) {
        PublishBuilder copy =
                Builders.publish()
                        .topic(topic)
                        .qos(message.getQos())
                        .messageExpiryInterval(expirySeconds)
                        .payload(message.getPayload().orElse(ByteBuffer.allocate(0)).duplicate());
        message.getContentType().ifPresent(copy::contentType);
        message.getPayloadFormatIndicator().ifPresent(copy::payloadFormatIndicator);
        message.getCorrelationData().ifPresent(data -> copy.correlationData(data.duplicate()));
        message.getResponseTopic().ifPresent(copy::responseTopic);
        for (UserProperty property : message.getUserProperties().asList()) {
            copy.userProperty(property.getName(), property.getValue());
        }
        return copy.build();
    }

    private void delivered(
            Delivery delivery, String sender, String outputName, PublishPacket message) {
        routeCounters.delivered(delivery.route());
        if (delivery.sink() instanceof RouteSink.Upstream) {
            upstream.record(
                    new UpstreamMessage(
                            Instant.now(),
                            sender,
                            outputName,
                            delivery.route().name(),
                            allProperties(message),
                            new String(bytes(message.getPayload()), StandardCharsets.UTF_8)));
        }
    }

    private static String destination(RouteSink sink, String sender, String outputName) {
        return sink instanceof RouteSink.ModuleInput input
                ? Topics.input(input.module(), input.input())
                : Topics.upstream(sender, outputName);
    }

    /** The route's time to live, unless the sender asked for less. */
    private static long expiry(Route route, Optional<Long> senderExpiry) {
        long routeSeconds =
                Math.min(Math.max(1, route.timeToLive().toSeconds()), MAX_EXPIRY_SECONDS);
        return senderExpiry.map(seconds -> Math.min(seconds, routeSeconds)).orElse(routeSeconds);
    }

    private static RoutableMessage routable(
            String sender, String outputName, PublishPacket message) {
        Map<String, String> system = new HashMap<>();
        Map<String, String> application = new HashMap<>();
        for (UserProperty property : message.getUserProperties().asList()) {
            if (SystemProperties.isSystemProperty(property.getName())) {
                system.put(property.getName(), property.getValue());
            } else {
                application.putIfAbsent(property.getName(), property.getValue());
            }
        }
        message.getContentType().ifPresent(type -> system.put("$contentType", type));
        return new RoutableMessage(
                sender, outputName, system, application, bytes(message.getPayload()));
    }

    private void methodRequest(
            String caller, ModuleTopic target, PublishPacket packet, PublishInboundOutput output) {
        String expectedResponseTopic = Topics.methodResponses(caller);
        if (!packet.getResponseTopic().map(expectedResponseTopic::equals).orElse(false)
                || packet.getCorrelationData().isEmpty()) {
            refuse(
                    output,
                    caller,
                    AckReasonCode.PAYLOAD_FORMAT_INVALID,
                    "invalid-method-request",
                    "a direct method request needs correlation data and the response topic '"
                            + expectedResponseTopic
                            + "'");
            return;
        }
        MethodCalls.RequestDecision decision =
                methods.request(
                        caller,
                        target.module(),
                        target.name(),
                        bytes(packet.getCorrelationData()),
                        packet.getMessageExpiryInterval().map(Duration::ofSeconds));
        if (decision == MethodCalls.RequestDecision.ANSWERED_NOT_CONNECTED) {
            output.preventPublishDelivery(AckReasonCode.SUCCESS);
            return;
        }
        output.getPublishPacket().setRetain(false);
        ModifiableUserProperties properties = output.getPublishPacket().getUserProperties();
        properties.removeName(SystemProperties.CONNECTION_MODULE_ID);
        properties.addUserProperty(SystemProperties.CONNECTION_MODULE_ID, caller);
    }

    private void methodResponse(
            String responder, String caller, PublishPacket packet, PublishInboundOutput output) {
        Optional<Integer> status =
                packet.getUserProperties()
                        .getFirst(SystemProperties.METHOD_STATUS)
                        .flatMap(HubPublishInterceptor::parseStatus);
        if (packet.getCorrelationData().isEmpty() || status.isEmpty()) {
            refuse(
                    output,
                    responder,
                    AckReasonCode.PAYLOAD_FORMAT_INVALID,
                    "invalid-method-response",
                    "a direct method response needs the request's correlation data and a"
                            + " numeric user property '"
                            + SystemProperties.METHOD_STATUS
                            + "'");
            return;
        }
        MethodCalls.Answered answered =
                methods.answer(
                        responder,
                        caller,
                        bytes(packet.getCorrelationData()),
                        status.get(),
                        bytes(packet.getPayload()));
        if (answered.refusal().isPresent()) {
            refuse(
                    output,
                    responder,
                    AckReasonCode.NOT_AUTHORIZED,
                    "unsolicited-response",
                    answered.refusal().get());
        } else if (answered.completedHere()) {
            output.preventPublishDelivery(AckReasonCode.SUCCESS);
        } else {
            output.getPublishPacket().setRetain(false);
            ModifiableUserProperties properties = output.getPublishPacket().getUserProperties();
            properties.removeName(SystemProperties.CONNECTION_MODULE_ID);
            properties.addUserProperty(SystemProperties.CONNECTION_MODULE_ID, responder);
        }
    }

    private void reported(String module, PublishPacket packet, PublishInboundOutput output) {
        JsonNode patch;
        try {
            patch = json.readTree(bytes(packet.getPayload()));
        } catch (JacksonException e) {
            patch = null;
        }
        if (patch == null || !patch.isObject()) {
            refuse(
                    output,
                    module,
                    AckReasonCode.PAYLOAD_FORMAT_INVALID,
                    "invalid-reported",
                    "reported properties must be a JSON object");
            return;
        }
        twins.patchReported(module, (ObjectNode) patch);
        output.preventPublishDelivery(AckReasonCode.SUCCESS);
    }

    private void refuse(
            PublishInboundOutput output,
            String sender,
            AckReasonCode code,
            String reasonTag,
            String reason) {
        log.warn("Refused a publish of '{}': {}", sender, reason);
        meters.counter("hub.messages.refused", "reason", reasonTag).increment();
        output.preventPublishDelivery(code, reason);
    }

    /**
     * What a refusal can be for an MQTT 3.1.1 client of the IoT Hub dialect: its acknowledgement
     * carries no reason code, and HiveMQ disconnects a 3.1.1 client whose publish is refused with
     * one, after which the SDK sends the same message again, for ever. Such a refused message is
     * acknowledged and dropped; the reason is in the log and in {@code hub.messages.refused}.
     */
    private static final class Mqtt3Output implements PublishInboundOutput {

        private final PublishInboundOutput output;

        Mqtt3Output(PublishInboundOutput output) {
            this.output = output;
        }

        @Override
        public ModifiablePublishPacket getPublishPacket() {
            return output.getPublishPacket();
        }

        @Override
        public void preventPublishDelivery() {
            output.preventPublishDelivery();
        }

        @Override
        public void preventPublishDelivery(AckReasonCode code) {
            output.preventPublishDelivery(AckReasonCode.SUCCESS);
        }

        @Override
        public void preventPublishDelivery(AckReasonCode code, String reason) {
            output.preventPublishDelivery(AckReasonCode.SUCCESS);
        }

        @Override
        public Async<PublishInboundOutput> async(Duration timeout) {
            return output.async(timeout);
        }

        @Override
        public Async<PublishInboundOutput> async(Duration timeout, TimeoutFallback fallback) {
            return output.async(timeout, fallback);
        }

        @Override
        public Async<PublishInboundOutput> async(
                Duration timeout, TimeoutFallback fallback, AckReasonCode code) {
            return output.async(timeout, fallback, code);
        }

        @Override
        public Async<PublishInboundOutput> async(
                Duration timeout, TimeoutFallback fallback, AckReasonCode code, String reason) {
            return output.async(timeout, fallback, code, reason);
        }
    }

    private static Optional<Integer> parseStatus(String value) {
        try {
            return Optional.of(Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> allProperties(PublishPacket message) {
        Map<String, String> properties = new HashMap<>();
        message.getUserProperties()
                .asList()
                .forEach(
                        property ->
                                properties.putIfAbsent(property.getName(), property.getValue()));
        message.getContentType().ifPresent(type -> properties.put("$contentType", type));
        return properties;
    }

    private static byte[] bytes(Optional<ByteBuffer> payload) {
        if (payload.isEmpty()) {
            return new byte[0];
        }
        ByteBuffer buffer = payload.get().duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
