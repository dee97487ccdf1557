package io.edgejava.sensor.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgejava.edge.EdgeHeaders;
import io.edgejava.edge.EdgeJson;
import io.edgejava.sensor.simulation.Sample;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReadingTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Sample SAMPLE =
            new Sample(Instant.parse("2025-06-01T10:00:00.123Z"), 42.5, 3.5, 21.25, 26);

    private final Message<byte[]> message =
            Reading.of(SAMPLE).toMessage(new EdgeJson(JSON), 12, "run-1");

    @Test
    void theBodyHasExactlyTheFieldsOfSimulatedTemperatureSensor() {
        String body = new String(message.getPayload(), StandardCharsets.UTF_8);

        assertThat(body)
                .isEqualTo(
                        "{\"machine\":{\"temperature\":42.5,\"pressure\":3.5},"
                                + "\"ambient\":{\"temperature\":21.25,\"humidity\":26},"
                                + "\"timeCreated\":\"2025-06-01T10:00:00.123Z\"}");
    }

    @Test
    void timeCreatedIsAnIso8601InstantInUtc() {
        Sample onTheSecond = new Sample(Instant.parse("2025-06-01T10:00:00Z"), 21, 1, 21, 25);
        JsonNode body =
                JSON.readTree(
                        Reading.of(onTheSecond)
                                .toMessage(new EdgeJson(JSON), 1, "run-1")
                                .getPayload());

        String timeCreated = body.get("timeCreated").asString();
        assertThat(timeCreated).endsWith("Z");
        assertThat(Instant.parse(timeCreated)).isEqualTo(onTheSecond.time());
    }

    @Test
    void theMessageIsJsonInUtf8WithAMessageIdSequenceNumberAndBatchId() {
        MessageHeaders headers = message.getHeaders();

        assertThat(headers.get(MessageHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(headers.get(EdgeHeaders.CONTENT_ENCODING)).isEqualTo("utf-8");
        assertThat(UUID.fromString((String) headers.get(EdgeHeaders.MESSAGE_ID))).isNotNull();
        assertThat(headers.get(EdgeHeaders.CREATION_TIME_UTC))
                .isEqualTo("2025-06-01T10:00:00.123Z");
        assertThat(headers.get(EdgeHeaders.PROPERTIES))
                .isEqualTo(Map.of("sequenceNumber", "12", "batchId", "run-1"));
    }

    @Test
    void everyReadingGetsItsOwnMessageId() {
        Message<byte[]> again = Reading.of(SAMPLE).toMessage(new EdgeJson(JSON), 12, "run-1");

        assertThat(again.getHeaders().get(EdgeHeaders.MESSAGE_ID))
                .isNotEqualTo(message.getHeaders().get(EdgeHeaders.MESSAGE_ID));
    }
}
