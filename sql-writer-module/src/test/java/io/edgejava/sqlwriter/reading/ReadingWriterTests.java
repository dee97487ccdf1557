package io.edgejava.sqlwriter.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgejava.edge.EdgeHeaders;
import io.edgejava.edge.InvalidMessageException;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.support.MessageBuilder;

class ReadingWriterTests {

    @Test
    void aReadingWithoutAMessageIdIsRefused() {
        assertThatThrownBy(
                        () ->
                                ReadingWriter.messageIdOf(
                                        MessageBuilder.withPayload(new byte[0]).build()))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("no message id");
    }

    @Test
    void theMessageIdIsTheKey() {
        assertThat(
                        ReadingWriter.messageIdOf(
                                MessageBuilder.withPayload(new byte[0])
                                        .setHeader(EdgeHeaders.MESSAGE_ID, "id-1")
                                        .build()))
                .isEqualTo("id-1");
    }

    @Test
    void aMessageIdLongerThanTheColumnIsRefused() {
        assertThatThrownBy(
                        () ->
                                ReadingWriter.messageIdOf(
                                        MessageBuilder.withPayload(new byte[0])
                                                .setHeader(EdgeHeaders.MESSAGE_ID, "x".repeat(256))
                                                .build()))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("256 characters");
    }
}
