package io.edgejava.sqlwriter.reading;

import io.edgejava.edge.EdgeHeaders;
import io.edgejava.edge.InvalidMessageException;
import io.edgejava.sqlwriter.store.MeasurementRow;
import io.edgejava.sqlwriter.store.MeasurementStore;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandler;

/**
 * The step of the flow that writes each reading. It returns only once the rows are committed, so
 * the hub's message is acknowledged only then; while the database is down it throws {@link
 * io.edgejava.edge.RetryLaterException} and the message stays with the hub.
 */
final class ReadingWriter implements MessageHandler {

    private static final Logger log = LoggerFactory.getLogger(ReadingWriter.class);

    /** The column's width. */
    static final int MAX_MESSAGE_ID_LENGTH = 255;

    private final ReadingParser parser;
    private final MeasurementStore store;

    ReadingWriter(ReadingParser parser, MeasurementStore store) {
        this.parser = parser;
        this.store = store;
    }

    @Override
    public void handleMessage(Message<?> message) {
        String messageId = messageIdOf(message);
        Reading reading = parser.parse((byte[]) message.getPayload());
        String source = (String) message.getHeaders().get(EdgeHeaders.CONNECTION_MODULE_ID);
        List<MeasurementRow> rows = ReadingRows.of(reading, messageId, source);
        int inserted = store.write(rows);
        if (inserted == 0) {
            log.info("Reading {} from {} was written before, nothing to add", messageId, source);
        } else {
            log.info(
                    "Wrote reading {} from {}: {} rows (machine {} °C)",
                    messageId,
                    source,
                    inserted,
                    reading.machineTemperature());
        }
    }

    /**
     * @throws InvalidMessageException when the message has no usable id: without one, a redelivery
     *     could not be told from a new reading
     */
    static String messageIdOf(Message<?> message) {
        Object id = message.getHeaders().get(EdgeHeaders.MESSAGE_ID);
        if (id == null || id.toString().isBlank()) {
            throw new InvalidMessageException(
                    "the reading has no message id ($messageId), so it cannot be written exactly"
                            + " once");
        }
        String messageId = id.toString();
        if (messageId.length() > MAX_MESSAGE_ID_LENGTH) {
            throw new InvalidMessageException(
                    "the message id is "
                            + messageId.length()
                            + " characters long, more than the "
                            + MAX_MESSAGE_ID_LENGTH
                            + " the table keeps");
        }
        return messageId;
    }
}
