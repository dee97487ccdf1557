package io.edgejava.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgejava.edge.EdgeHeaders;
import io.edgejava.edge.HubRefusedException;
import io.edgejava.edge.InvalidMessageException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHeaders;
import tools.jackson.databind.json.JsonMapper;

class AlertForwarderTests {

    private static final int MAX_ATTEMPTS = 3;

    private final FilterStats stats = new FilterStats();
    private final QueueChannel output = new QueueChannel();
    private final AlertForwarder forwarder =
            new AlertForwarder(
                    new TemperatureFilter(JsonMapper.builder().build()),
                    () -> 25,
                    stats,
                    output,
                    MAX_ATTEMPTS);

    private static Message<byte[]> reading(String temperature, int attempt) {
        return MessageBuilder.withPayload(TemperatureFilterTests.reading(temperature))
                .setHeader(EdgeHeaders.MESSAGE_ID, "id-" + temperature)
                .setHeader(EdgeHeaders.CORRELATION_ID, "correlation")
                .setHeader(EdgeHeaders.CREATION_TIME_UTC, "2025-01-01T00:00:00Z")
                .setHeader(MessageHeaders.CONTENT_TYPE, "application/json")
                .setHeader(EdgeHeaders.CONTENT_ENCODING, "utf-8")
                .setHeader(EdgeHeaders.CONNECTION_MODULE_ID, "sensor-module")
                .setHeader(EdgeHeaders.DELIVERY_ATTEMPT, attempt)
                .setHeader(EdgeHeaders.PROPERTIES, Map.of("sequenceNumber", "7", "batchId", "b-1"))
                .build();
    }

    @Test
    void anAlertKeepsTheReadingsBodyIdAndPropertiesAndIsMarkedAsAnAlert() {
        Message<byte[]> reading = reading("30.5", 1);

        forwarder.handleMessage(reading);

        Message<?> alert = output.receive(0);
        assertThat(alert).isNotNull();
        assertThat((byte[]) alert.getPayload()).isEqualTo(reading.getPayload());
        MessageHeaders headers = alert.getHeaders();
        assertThat(headers.get(EdgeHeaders.MESSAGE_ID)).isEqualTo("id-30.5");
        assertThat(headers.get(EdgeHeaders.CORRELATION_ID)).isEqualTo("correlation");
        assertThat(headers.get(EdgeHeaders.CREATION_TIME_UTC)).isEqualTo("2025-01-01T00:00:00Z");
        assertThat(headers.get(MessageHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(headers.get(EdgeHeaders.CONTENT_ENCODING)).isEqualTo("utf-8");
        assertThat(headers.get(EdgeHeaders.PROPERTIES))
                .isEqualTo(Map.of("sequenceNumber", "7", "batchId", "b-1", "MessageType", "Alert"));
        assertThat(stats.snapshot(25)).isEqualTo(new FilterStats.Snapshot(1, 1, 0, 0, 0, 25));
    }

    @Test
    void aReadingAtOrBelowTheThresholdIsNotSentAndCountedAsRejected() {
        forwarder.handleMessage(reading("25", 1));
        forwarder.handleMessage(reading("12", 1));

        assertThat(output.receive(0)).isNull();
        assertThat(stats.snapshot(25)).isEqualTo(new FilterStats.Snapshot(2, 0, 2, 0, 0, 25));
    }

    @Test
    void anInvalidMessageIsRefusedWithTheReasonAndCountedAsInvalid() {
        Message<byte[]> junk =
                MessageBuilder.withPayload("oops".getBytes(StandardCharsets.UTF_8)).build();

        assertThatThrownBy(() -> forwarder.handleMessage(junk))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageStartingWith("the body is not JSON");
        assertThat(output.receive(0)).isNull();
        assertThat(stats.snapshot(25)).isEqualTo(new FilterStats.Snapshot(1, 0, 0, 1, 0, 25));
    }

    @Test
    void aReadingDeclaringAnotherEncodingThanUtf8IsRefusedAndCountedAsInvalid() {
        Message<byte[]> utf16 =
                MessageBuilder.fromMessage(reading("30.5", 1))
                        .setHeader(EdgeHeaders.CONTENT_ENCODING, "utf-16")
                        .build();

        assertThatThrownBy(() -> forwarder.handleMessage(utf16))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessage(
                        "the content encoding is 'utf-16', not utf-8: readings are JSON in UTF-8");
        assertThat(output.receive(0)).isNull();
        assertThat(stats.snapshot(25)).isEqualTo(new FilterStats.Snapshot(1, 0, 0, 1, 0, 25));
    }

    @Test
    void anAlertTheHubRefusesOnEveryAttemptIsCountedAsFailedOnceSoTheCountersAddUp() {
        MessageChannel refusing =
                (message, timeout) -> {
                    throw new HubRefusedException(0x87, "not authorized");
                };
        AlertForwarder forwarding =
                new AlertForwarder(
                        new TemperatureFilter(JsonMapper.builder().build()),
                        () -> 25,
                        stats,
                        refusing,
                        MAX_ATTEMPTS);

        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Message<byte[]> reading = reading("30", attempt);
            assertThatThrownBy(() -> forwarding.handleMessage(reading))
                    .isInstanceOf(HubRefusedException.class);
        }

        FilterStats.Snapshot counted = stats.snapshot(25);
        assertThat(counted).isEqualTo(new FilterStats.Snapshot(1, 0, 0, 0, 1, 25));
        assertThat(counted.received())
                .isEqualTo(
                        counted.forwarded()
                                + counted.rejected()
                                + counted.invalid()
                                + counted.failed());
    }

    @Test
    void anAlertSentOnALaterAttemptIsForwardedNotFailed() {
        forwarder.handleMessage(reading("30", MAX_ATTEMPTS));

        assertThat(output.receive(0)).isNotNull();
        assertThat(stats.snapshot(25).failed()).isZero();
    }

    @Test
    void aRedeliveredReadingIsNotCountedAsReceivedTwice() {
        forwarder.handleMessage(reading("30", 1));
        forwarder.handleMessage(reading("30", 2));

        assertThat(stats.snapshot(25).received()).isEqualTo(1);
    }
}
