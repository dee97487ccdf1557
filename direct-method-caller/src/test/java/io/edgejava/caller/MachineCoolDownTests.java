package io.edgejava.caller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgejava.edge.EdgeHeaders;
import io.edgejava.edge.InvalidMessageException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MachineCoolDownTests {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final JsonNode READING =
            json.readTree(
                    "{\"machine\":{\"temperature\":31.5},\"timeCreated\":\"2025-06-01T10:00:00Z\"}");

    @Test
    void anAlertHappenedWhenTheHubAcceptedIt() {
        Message<byte[]> alert =
                MessageBuilder.withPayload(new byte[0])
                        .setHeader(EdgeHeaders.ENQUEUED_TIME_UTC, "2025-06-01T10:00:02.5Z")
                        .build();

        assertThat(MachineCoolDown.happened(alert, READING))
                .isEqualTo(Instant.parse("2025-06-01T10:00:02.5Z"));
    }

    @Test
    void withoutAnEnqueuedTimeAnAlertHappenedWhenTheReadingWasCreated() {
        Message<byte[]> alert = MessageBuilder.withPayload(new byte[0]).build();

        assertThat(MachineCoolDown.happened(alert, READING))
                .isEqualTo(Instant.parse("2025-06-01T10:00:00Z"));
    }

    @Test
    void anAlertWithNeitherTimeIsInvalidNamingWhatIsMissing() {
        Message<byte[]> alert = MessageBuilder.withPayload(new byte[0]).build();

        assertThatThrownBy(
                        () ->
                                MachineCoolDown.happened(
                                        alert, json.readTree("{\"timeCreated\":\"yesterday\"}")))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("timeCreated 'yesterday' is not an ISO-8601 instant");
        assertThatThrownBy(() -> MachineCoolDown.happened(alert, json.readTree("{}")))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("no timeCreated");
    }
}
