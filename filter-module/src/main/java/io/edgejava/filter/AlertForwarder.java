package io.edgejava.filter;

import io.edgejava.edge.EdgeHeaders;
import io.edgejava.edge.InvalidMessageException;
import io.edgejava.edge.RetryLaterException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.MessageHeaders;

/**
 * The step of the flow that judges each reading and sends the alerts on. It sends them itself,
 * rather than handing them to the next step of the flow, so that an alert is counted as forwarded
 * only once the hub has accepted it, and as failed when the hub refused it on the last of the
 * delivery attempts (the reading is then dead-lettered): so that, within one run, received =
 * forwarded + rejected + invalid + failed.
 */
final class AlertForwarder implements MessageHandler {

    private static final Logger log = LoggerFactory.getLogger(AlertForwarder.class);

    /** The application property that marks an alert; the route {@code alertsUpstream} tests it. */
    static final String MESSAGE_TYPE = "MessageType";

    static final String ALERT = "Alert";

    private final TemperatureFilter filter;
    private final DoubleSupplier threshold;
    private final FilterStats stats;
    private final MessageChannel output;
    private final int maxAttempts;

    /**
     * @param maxAttempts {@code edge.delivery.max-attempts}: how many times a reading is handed
     *     here before it is dead-lettered
     */
    AlertForwarder(
            TemperatureFilter filter,
            DoubleSupplier threshold,
            FilterStats stats,
            MessageChannel output,
            int maxAttempts) {
        this.filter = filter;
        this.threshold = threshold;
        this.stats = stats;
        this.output = output;
        this.maxAttempts = maxAttempts;
    }

    @Override
    public void handleMessage(Message<?> reading) {
        int attempt = attempt(reading);
        if (attempt <= 1) {
            stats.received();
        }
        TemperatureFilter.Verdict verdict;
        try {
            ReadingText.requireUtf8Declared(reading.getHeaders().get(EdgeHeaders.CONTENT_ENCODING));
            verdict = filter.judge((byte[]) reading.getPayload(), threshold.getAsDouble());
        } catch (InvalidMessageException e) {
            stats.invalid();
            throw e;
        }
        String sequence = properties(reading).getOrDefault("sequenceNumber", "?");
        if (!verdict.alert()) {
            stats.rejected();
            log.debug(
                    "Reading {} (machine {} °C) is not above {} °C",
                    sequence,
                    celsius(verdict.temperature()),
                    celsius(verdict.threshold()));
            return;
        }
        try {
            output.send(alertOf(reading));
        } catch (RuntimeException e) {
            if (attempt >= maxAttempts && !isRetriedLater(e)) {
                stats.failed();
            }
            throw e;
        }
        stats.forwarded();
        log.info(
                "Alert: reading {} (machine {} °C) is above {} °C, forwarded",
                sequence,
                celsius(verdict.temperature()),
                celsius(verdict.threshold()));
    }

    /** 1 when the header is absent: a message handed over without the hub's delivery rules. */
    private static int attempt(Message<?> reading) {
        Object attempt = reading.getHeaders().get(EdgeHeaders.DELIVERY_ATTEMPT);
        return attempt instanceof Number number ? number.intValue() : 1;
    }

    /** A reading postponed this way is handed over again however many attempts it took. */
    private static boolean isRetriedLater(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RetryLaterException) {
                return true;
            }
        }
        return false;
    }

    private static String celsius(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /**
     * The alert for a reading: the same body, message id, correlation id, creation time, content
     * type and encoding, and application properties, plus {@code MessageType: Alert}. Downstream,
     * the writer deduplicates on the message id, so it must be the sensor's.
     */
    static Message<byte[]> alertOf(Message<?> reading) {
        Map<String, String> properties = new HashMap<>(properties(reading));
        properties.put(MESSAGE_TYPE, ALERT);
        MessageBuilder<byte[]> alert =
                MessageBuilder.withPayload((byte[]) reading.getPayload())
                        .setHeader(EdgeHeaders.PROPERTIES, Map.copyOf(properties));
        for (String header :
                new String[] {
                    EdgeHeaders.MESSAGE_ID,
                    EdgeHeaders.CORRELATION_ID,
                    EdgeHeaders.CREATION_TIME_UTC,
                    EdgeHeaders.CONTENT_ENCODING,
                    MessageHeaders.CONTENT_TYPE
                }) {
            alert.setHeader(header, reading.getHeaders().get(header));
        }
        return alert.build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> properties(Message<?> message) {
        Object properties = message.getHeaders().get(EdgeHeaders.PROPERTIES);
        return properties instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
    }
}
