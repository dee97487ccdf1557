package io.edgejava.sqlwriter.batch;

import io.edgejava.edge.EdgeHeaders;
import io.edgejava.edge.InvalidMessageException;
import io.edgejava.sqlwriter.store.MeasurementRow;
import io.edgejava.sqlwriter.store.MeasurementStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandler;

/**
 * The step of the flow that takes a claim check and imports its file.
 *
 * <p>Order matters for "exactly once": the rows and the file's record go in one transaction, and
 * only then is the file moved to {@code done/}. If the module stops between the two, the claim
 * check comes again, finds the file recorded, and only finishes the move.
 */
final class BatchImporter implements MessageHandler {

    private static final Logger log = LoggerFactory.getLogger(BatchImporter.class);

    private final ClaimCheckParser parser;
    private final BatchFolder folder;
    private final MeasurementStore store;

    BatchImporter(ClaimCheckParser parser, BatchFolder folder, MeasurementStore store) {
        this.parser = parser;
        this.folder = folder;
        this.store = store;
    }

    @Override
    public void handleMessage(Message<?> message) {
        ClaimCheck claim = parser.parse((byte[]) message.getPayload());
        String fileName = BatchFileName.check(claim.fileName());
        Optional<String> insertedBefore = store.insertedBatchFileSha256(fileName);
        if (insertedBefore.isPresent() && !insertedBefore.get().equals(claim.sha256())) {
            // Not a redelivery: another file under a name already used. Inserting it would mix
            // two files' samples under one name; moving it to done/ would overwrite the first.
            if (folder.contains(fileName)) {
                folder.moveToRejected(fileName);
            }
            throw new InvalidMessageException(
                    "batch file "
                            + fileName
                            + " was inserted before with SHA-256 "
                            + insertedBefore.get()
                            + ", the claim check says "
                            + claim.sha256()
                            + ": a different file under a name already used");
        }
        if (insertedBefore.isPresent()) {
            boolean moved = folder.contains(fileName);
            folder.moveToDone(fileName);
            log.info(
                    "Batch file {} was inserted before{}",
                    fileName,
                    moved ? "; moved it to done/ now" : ", nothing to do");
            return;
        }
        Optional<byte[]> content = folder.read(fileName);
        if (content.isEmpty()) {
            throw new InvalidMessageException(
                    "batch file " + fileName + " is not in the shared folder " + folder.path());
        }
        byte[] bytes = content.get();
        String sha256 = BatchCsv.sha256(bytes);
        if (!sha256.equals(claim.sha256())) {
            reject(
                    fileName,
                    "its SHA-256 is " + sha256 + ", the claim check says " + claim.sha256());
        }
        List<BatchRow> rows;
        try {
            rows = BatchCsv.parse(bytes);
        } catch (IllegalArgumentException e) {
            reject(fileName, "it is not a batch CSV: " + e.getMessage());
            return;
        }
        if (rows.size() != claim.rowCount()) {
            reject(
                    fileName,
                    "it has " + rows.size() + " rows, the claim check says " + claim.rowCount());
        }
        String source = (String) message.getHeaders().get(EdgeHeaders.CONNECTION_MODULE_ID);
        int inserted =
                store.insertBatchFile(
                        fileName, sha256, rows.size(), measurementRows(fileName, rows, source));
        folder.moveToDone(fileName);
        log.info(
                "Inserted batch file {} from {}: {} samples, {} rows; moved it to done/",
                fileName,
                source,
                rows.size(),
                inserted);
    }

    private void reject(String fileName, String reason) {
        folder.moveToRejected(fileName);
        log.warn("Refused batch file {} and moved it to rejected/: {}", fileName, reason);
        throw new InvalidMessageException("batch file " + fileName + " is corrupt: " + reason);
    }

    /**
     * Each sample makes a machine row and an ambient row, like a reading; the message id {@code
     * <fileName>#<row>} keeps a sample unique across files and redeliveries.
     */
    static List<MeasurementRow> measurementRows(
            String fileName, List<BatchRow> rows, String source) {
        List<MeasurementRow> measurements = new ArrayList<>(rows.size() * 2);
        for (int i = 0; i < rows.size(); i++) {
            BatchRow row = rows.get(i);
            String messageId = fileName + "#" + (i + 1);
            measurements.add(
                    new MeasurementRow(
                            row.time(),
                            MeasurementRow.MACHINE,
                            row.machineTemperature(),
                            row.machinePressure(),
                            null,
                            messageId,
                            source,
                            fileName));
            measurements.add(
                    new MeasurementRow(
                            row.time(),
                            MeasurementRow.AMBIENT,
                            row.ambientTemperature(),
                            null,
                            row.ambientHumidity(),
                            messageId,
                            source,
                            fileName));
        }
        return measurements;
    }
}
