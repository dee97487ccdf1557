package io.edgejava.edge.runtime;

import io.edgejava.edge.DesiredProperties;
import io.edgejava.edge.DesiredPropertiesListener;
import io.edgejava.edge.EdgeHeaders;
import io.edgejava.edge.EdgeHub;
import io.edgejava.edge.EdgeJson;
import io.edgejava.edge.InvalidMessageException;
import io.edgejava.edge.MethodResponse;
import io.edgejava.edge.MethodResult;
import io.edgejava.edge.RetryLaterException;
import io.edgejava.edge.transport.EdgeTransport;
import io.edgejava.edge.transport.HubConnectionException;
import io.edgejava.edge.transport.InboundListener;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ApplicationContextEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.SubscribableChannel;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The module's hub, on top of whichever transport: the delivery rules that are the same for all.
 *
 * <ul>
 *   <li>Input messages are handed to their flow one at a time, in order, on a thread of their own
 *       (never the client's, so that a flow may itself call the hub). A message is acknowledged
 *       only after its flow returned; a flow that throws gets it again, up to {@code
 *       edge.delivery.max-attempts} times, and then the message goes to the dead-letter output with
 *       the reason. A message that cannot be dead-lettered either is not acknowledged, so the hub
 *       delivers it again later: nothing is lost. A flow that throws {@link RetryLaterException}
 *       gets the message again after a growing pause, for as long as it takes, and the messages
 *       behind it wait in the hub.
 *   <li>Direct method handlers run on a pool of their own.
 *   <li>Desired properties go to every {@link DesiredPropertiesListener}, one change at a time.
 * </ul>
 */
final class ModuleHub
        implements EdgeHub,
                InboundListener,
                ApplicationListener<ApplicationContextEvent>,
                ApplicationContextAware {

    private static final Logger log = LoggerFactory.getLogger(ModuleHub.class);

    private final EdgeProperties properties;
    private final EdgeTransport transport;
    private final EdgeJson json;
    private final DirectMethods methods;
    private final ObjectProvider<DesiredPropertiesListener> listeners;
    private final MeterRegistry meters;
    private final Map<String, DirectChannel> inputs = new ConcurrentHashMap<>();
    private final Map<String, MessageChannel> outputs = new ConcurrentHashMap<>();
    private final ExecutorService inputThread;
    private final ExecutorService methodThreads;
    private final ExecutorService twinThread;
    private final ExecutorService answerThreads;
    private volatile DesiredProperties desired;
    private volatile boolean running;
    private volatile boolean stopping;

    /** Ends the pause of a postponed message at once when the module stops. */
    private final CountDownLatch stopped = new CountDownLatch(1);

    private ApplicationContext context;

    ModuleHub(
            EdgeProperties properties,
            EdgeTransport transport,
            EdgeJson json,
            DirectMethods methods,
            ObjectProvider<DesiredPropertiesListener> listeners,
            MeterRegistry meters) {
        this.properties = properties;
        this.transport = transport;
        this.json = json;
        this.methods = methods;
        this.listeners = listeners;
        this.meters = meters;
        this.inputThread = Executors.newSingleThreadExecutor(named("edge-input"));
        this.methodThreads =
                Executors.newFixedThreadPool(properties.methodThreads(), named("edge-method"));
        this.twinThread = Executors.newSingleThreadExecutor(named("edge-twin"));
        this.answerThreads = Executors.newCachedThreadPool(named("edge-answer"));
    }

    @Override
    public String moduleId() {
        return properties.moduleId();
    }

    @Override
    public SubscribableChannel input(String name) {
        return inputs.computeIfAbsent(
                name,
                input -> {
                    DirectChannel channel = new DirectChannel();
                    channel.setComponentName("edge.input." + input);
                    return channel;
                });
    }

    @Override
    public Set<String> inputNames() {
        SortedSet<String> names = new TreeSet<>(inputs.keySet());
        return Collections.unmodifiableSortedSet(names);
    }

    @Override
    public MessageChannel output(String name) {
        return outputs.computeIfAbsent(name, output -> new OutputChannel(output));
    }

    /** Sends to the hub; returns only when the hub accepted the message. */
    private final class OutputChannel implements MessageChannel {
        private final String output;

        OutputChannel(String output) {
            this.output = output;
        }

        @Override
        public boolean send(Message<?> message, long timeout) {
            transport.send(output, bytes(message));
            meters.counter("edge.messages.sent", "output", output).increment();
            return true;
        }

        @Override
        public String toString() {
            return "edge output '" + output + "'";
        }
    }

    private Message<byte[]> bytes(Message<?> message) {
        Object payload = message.getPayload();
        if (payload instanceof byte[] raw) {
            return MessageBuilder.withPayload(raw).copyHeaders(message.getHeaders()).build();
        }
        if (payload instanceof String text) {
            return MessageBuilder.withPayload(text.getBytes(StandardCharsets.UTF_8))
                    .copyHeaders(message.getHeaders())
                    .setHeaderIfAbsent(MessageHeaders.CONTENT_TYPE, "text/plain")
                    .setHeaderIfAbsent(EdgeHeaders.CONTENT_ENCODING, "utf-8")
                    .build();
        }
        // Anything else is a record or a map: JSON, declared as such so that $body routes see it.
        return MessageBuilder.withPayload(json.bytes(payload))
                .copyHeaders(message.getHeaders())
                .setHeader(MessageHeaders.CONTENT_TYPE, EdgeJson.CONTENT_TYPE)
                .setHeader(EdgeHeaders.CONTENT_ENCODING, EdgeJson.CONTENT_ENCODING)
                .build();
    }

    @Override
    public CompletableFuture<MethodResponse> invoke(
            String module, String method, Object payload, Duration timeout) {
        // Completed on the client's thread; callers' own continuations must not run there.
        return transport
                .invoke(module, method, json.bytes(payload), timeout)
                .whenCompleteAsync(
                        (response, failure) ->
                                meters.counter(
                                                "edge.methods.invoked",
                                                "status",
                                                Integer.toString(status(response, failure)))
                                        .increment(),
                        answerThreads);
    }

    private static int status(MethodResponse response, Throwable failure) {
        if (response != null) {
            return response.status();
        }
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof io.edgejava.edge.DirectMethodException method
                ? method.status()
                : 503;
    }

    @Override
    public Optional<DesiredProperties> desiredProperties() {
        return Optional.ofNullable(desired);
    }

    @Override
    public CompletableFuture<Void> reportProperties(Map<String, ?> patch) {
        return transport.reportProperties(json.bytes(patch));
    }

    @Override
    public boolean isConnected() {
        return transport.isConnected();
    }

    // --- what the transport hands over

    @Override
    public void onInput(
            String input, Message<byte[]> message, InboundListener.Acknowledgement acknowledge) {
        try {
            inputThread.execute(() -> deliverOnce(input, message, acknowledge));
        } catch (RejectedExecutionException e) {
            // The module is stopping: unacknowledged, the message stays with the hub.
            log.debug("Input '{}': module stopping, message left with the hub", input);
            acknowledge.leaveWithHub();
        }
    }

    /**
     * Delivers, and tells the transport when a message ends up neither acknowledged nor
     * dead-lettered, whichever way {@link #deliver} left it.
     */
    private void deliverOnce(
            String input, Message<byte[]> message, InboundListener.Acknowledgement acknowledge) {
        AtomicBoolean acknowledged = new AtomicBoolean();
        try {
            deliver(
                    input,
                    message,
                    () -> {
                        acknowledged.set(true);
                        acknowledge.acknowledge();
                    });
        } finally {
            if (!acknowledged.get()) {
                acknowledge.leaveWithHub();
            }
        }
    }

    private void deliver(String input, Message<byte[]> message, Runnable acknowledge) {
        meters.counter("edge.messages.received", "input", input).increment();
        DirectChannel channel = inputs.get(input);
        if (stopping) {
            return;
        }
        if (channel == null || channel.getSubscriberCount() == 0) {
            deadLetter(input, message, 0, "no flow reads input '" + input + "'", acknowledge);
            return;
        }
        int maxAttempts = properties.delivery().maxAttempts();
        Exception last = null;
        Duration pause = properties.delivery().retryLaterBackoff();
        int postponed = 0;
        int attempt = 1;
        while (attempt <= maxAttempts) {
            if (stopping) {
                // Not handled and not acknowledged: the hub delivers it again after a restart.
                return;
            }
            try {
                channel.send(
                        MessageBuilder.fromMessage(message)
                                .setHeader(EdgeHeaders.DELIVERY_ATTEMPT, attempt)
                                .build());
            } catch (RuntimeException e) {
                InvalidMessageException invalid = causeOfType(e, InvalidMessageException.class);
                if (invalid != null) {
                    deadLetter(input, message, attempt, invalid.getMessage(), acknowledge);
                    return;
                }
                // Not the message's fault, so not an attempt: the flow asked to be tried again
                // later, or could not reach the hub (to forward, say), which a hub restart or a
                // burst of unacknowledged sends causes for seconds. Dead-lettering a good message
                // for that would take it out of the pipeline.
                RuntimeException later = causeOfType(e, RetryLaterException.class);
                if (later == null) {
                    later = causeOfType(e, HubConnectionException.class);
                }
                if (later != null) {
                    postponed++;
                    meters.counter("edge.messages.postponed", "input", input).increment();
                    if (postponed == 1) {
                        log.warn(
                                "Input '{}': cannot handle a message now ({}); it stays with the"
                                        + " hub, unacknowledged, and is handed over again until it"
                                        + " can be",
                                input,
                                later.getMessage());
                    }
                    if (!pauseUnlessStopping(pause)) {
                        return;
                    }
                    pause = longer(pause);
                    continue;
                }
                last = e;
                log.warn(
                        "Input '{}': attempt {} of {} failed: {}",
                        input,
                        attempt,
                        maxAttempts,
                        rootMessage(e));
                attempt++;
                continue;
            }
            if (postponed > 0) {
                log.info("Input '{}': handled after being postponed {} times", input, postponed);
            }
            acknowledgeHandled(input, acknowledge);
            return;
        }
        deadLetter(input, message, maxAttempts, rootMessage(last), acknowledge);
    }

    /**
     * @return false when the module started stopping during the pause
     */
    private boolean pauseUnlessStopping(Duration pause) {
        try {
            return !stopped.await(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Duration longer(Duration pause) {
        Duration doubled = pause.multipliedBy(2);
        Duration max = properties.delivery().retryLaterMaxBackoff();
        return doubled.compareTo(max) > 0 ? max : doubled;
    }

    /** The flow is done with the message; a failed acknowledgement must not run it again. */
    private void acknowledgeHandled(String input, Runnable acknowledge) {
        try {
            acknowledge.run();
        } catch (RuntimeException e) {
            log.warn(
                    "Input '{}': handled, but the acknowledgement failed ({}); the hub will deliver"
                            + " the message again after reconnecting",
                    input,
                    e.getMessage());
        }
    }

    private void deadLetter(
            String input,
            Message<byte[]> message,
            int attempts,
            String reason,
            Runnable acknowledge) {
        Map<String, String> deadLetterProperties = new HashMap<>();
        if (message.getHeaders().get(EdgeHeaders.PROPERTIES) instanceof Map<?, ?> original) {
            original.forEach(
                    (k, v) -> deadLetterProperties.put(String.valueOf(k), String.valueOf(v)));
        }
        deadLetterProperties.put("deadLetterReason", printable(reason));
        deadLetterProperties.put("deadLetterInput", input);
        deadLetterProperties.put("deadLetterAttempts", Integer.toString(attempts));
        Object source = message.getHeaders().get(EdgeHeaders.CONNECTION_MODULE_ID);
        if (source != null) {
            deadLetterProperties.put("deadLetterSource", source.toString());
        }
        Message<byte[]> deadLetter =
                MessageBuilder.fromMessage(message)
                        .setHeader(EdgeHeaders.PROPERTIES, deadLetterProperties)
                        .build();
        Duration pause = properties.delivery().retryLaterBackoff();
        for (int tries = 1; ; tries++) {
            try {
                transport.send(properties.delivery().deadLetterOutput(), deadLetter);
                break;
            } catch (HubConnectionException e) {
                // The hub is away for now: a message left unacknowledged on a live connection
                // would only come again after a reconnect, and meanwhile take one of the few
                // deliveries the hub lets wait for an acknowledgement. Try until it works.
                if (tries == 1) {
                    log.warn(
                            "Input '{}': could not dead-letter a message yet ({}); trying again"
                                    + " until the hub takes it: {}",
                            input,
                            reason,
                            e.getMessage());
                }
                if (!pauseUnlessStopping(pause)) {
                    return;
                }
                pause = longer(pause);
            } catch (RuntimeException e) {
                log.error(
                        "Input '{}': could not dead-letter a message ({}), so it stays with the"
                                + " hub, unacknowledged, and comes again when the module"
                                + " reconnects: {}",
                        input,
                        reason,
                        e.getMessage());
                return;
            }
        }
        acknowledgeHandled(input, acknowledge);
        meters.counter("edge.messages.dead-lettered", "input", input).increment();
        log.warn(
                "Input '{}': message sent to output '{}': {}",
                input,
                properties.delivery().deadLetterOutput(),
                reason);
    }

    /** Longest dead-letter reason sent: it travels as an MQTT user property, inside one packet. */
    static final int MAX_REASON_LENGTH = 1000;

    /**
     * A reason fit to travel as a message property. Reasons often quote the bad input: a 200 KB
     * value or a NUL in one made the hub refuse the dead letter, so the message came back on every
     * reconnect and stalled the input for good.
     */
    static String printable(String reason) {
        String text = reason == null ? "(no reason given)" : reason;
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_REASON_LENGTH + 1));
        int i = 0;
        while (i < text.length() && out.length() < MAX_REASON_LENGTH) {
            int c = text.codePointAt(i);
            boolean unsendable =
                    Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE;
            out.appendCodePoint(unsendable ? '?' : c);
            i += Character.charCount(c);
        }
        if (i < text.length()) {
            out.append('…');
        }
        return out.toString();
    }

    private static <T extends Throwable> T causeOfType(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = NestedExceptionUtils.getMostSpecificCause(e);
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    @Override
    public void onMethod(String method, byte[] payload, String caller, MethodAnswer answer) {
        methodThreads.execute(
                () -> {
                    MethodResult result = methods.dispatch(method, payload, moduleId());
                    byte[] body;
                    try {
                        body = json.bytes(result.payload());
                    } catch (RuntimeException e) {
                        result =
                                new MethodResult(
                                        500,
                                        Map.of(
                                                "message",
                                                "the answer of '"
                                                        + method
                                                        + "' cannot be written as JSON: "
                                                        + e.getMessage()));
                        body = json.bytes(result.payload());
                    }
                    meters.counter(
                                    "edge.methods.handled",
                                    "method",
                                    method,
                                    "status",
                                    Integer.toString(result.status()))
                            .increment();
                    answer.answer(result.status(), body);
                });
    }

    @Override
    public void onDesiredProperties(byte[] document) {
        twinThread.execute(
                () -> {
                    JsonNode tree;
                    try {
                        tree = json.tree(document);
                    } catch (RuntimeException e) {
                        log.warn(
                                "Ignoring desired properties that are not JSON: {}",
                                e.getMessage());
                        return;
                    }
                    if (!(tree instanceof ObjectNode properties)) {
                        log.warn("Ignoring desired properties that are not a JSON object");
                        return;
                    }
                    long version = properties.path("$version").asLong(0);
                    ObjectNode withoutVersion = properties.deepCopy();
                    withoutVersion.remove("$version");
                    DesiredProperties update = new DesiredProperties(version, withoutVersion);
                    DesiredProperties current = desired;
                    if (current != null && version <= current.version()) {
                        return;
                    }
                    desired = update;
                    List<DesiredPropertiesListener> all = listeners.orderedStream().toList();
                    for (DesiredPropertiesListener listener : all) {
                        try {
                            listener.onDesiredProperties(update);
                        } catch (RuntimeException e) {
                            log.error("A desired properties listener failed", e);
                        }
                    }
                });
    }

    // --- lifecycle

    /**
     * Connects once the whole context has started, not earlier in some lifecycle phase: messages
     * the hub kept for the module arrive right after connecting, and each must find its flow's
     * endpoint already subscribed. Disconnects as soon as the context begins to close, before the
     * flows stop.
     */
    @Override
    public void onApplicationEvent(ApplicationContextEvent event) {
        if (event.getApplicationContext() != context) {
            return;
        }
        if (event instanceof ContextRefreshedEvent && !running) {
            transport.start(this);
            running = true;
        } else if (event instanceof ContextClosedEvent && running) {
            stop();
        }
    }

    @Override
    public void setApplicationContext(ApplicationContext context) {
        this.context = context;
    }

    /**
     * Lets the message in hand finish (and be acknowledged) and leaves the queued ones with the
     * hub, then disconnects: disconnecting first would make every queued message fail its flow and
     * come back after the restart, handled twice.
     */
    private void stop() {
        running = false;
        stopping = true;
        stopped.countDown();
        for (ExecutorService executor :
                List.of(inputThread, methodThreads, twinThread, answerThreads)) {
            executor.shutdown();
        }
        try {
            inputThread.awaitTermination(5, TimeUnit.SECONDS);
            methodThreads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        transport.stop();
    }

    private static CustomizableThreadFactory named(String prefix) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory(prefix + "-");
        threads.setDaemon(true);
        return threads;
    }
}
