package io.edgejava.sqlwriter.store;

import io.edgejava.edge.DirectMethod;
import io.edgejava.edge.MethodResult;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The direct method {@code GetStats}. The numbers come from the database, not from counters in
 * memory, so they survive a restart of the module and count what is really there.
 */
final class WriterStatistics {

    private static final Logger log = LoggerFactory.getLogger(WriterStatistics.class);

    /**
     * The answer of {@code GetStats}.
     *
     * @param rowsWritten rows in {@code measurements}, from readings and batch files
     * @param readingsWritten readings written (two rows each)
     * @param batchesInserted batch files inserted
     * @param lastWriteTime when the latest row was written, ISO-8601 UTC; {@code null} before the
     *     first
     * @param database the database's product name, for example {@code Microsoft SQL Server}
     * @param readingsRefused readings dead-lettered as invalid since the module started
     * @param batchesRefused claim checks dead-lettered as invalid since the module started
     */
    record Stats(
            long rowsWritten,
            long readingsWritten,
            long batchesInserted,
            String lastWriteTime,
            String database,
            long readingsRefused,
            long batchesRefused) {}

    private final MeasurementRepository measurements;
    private final InsertedBatchFileRepository batchFiles;
    private final JdbcTemplate jdbc;
    private final RefusedMessages refused;

    WriterStatistics(
            MeasurementRepository measurements,
            InsertedBatchFileRepository batchFiles,
            JdbcTemplate jdbc,
            RefusedMessages refused) {
        this.measurements = measurements;
        this.batchFiles = batchFiles;
        this.jdbc = jdbc;
        this.refused = refused;
    }

    /**
     * @return 200 with {@link Stats}, or 503 {@code {"message": "..."}} while the database cannot
     *     be reached
     */
    @DirectMethod("GetStats")
    MethodResult getStats() {
        try {
            return MethodResult.ok(stats());
        } catch (RuntimeException e) {
            if (!DatabaseOutage.isOutage(e)) {
                throw e;
            }
            String reason = "the database is unreachable: " + DatabaseOutage.rootMessage(e);
            log.info("GetStats answered 503: {}", reason);
            return new MethodResult(503, Map.of("message", reason));
        }
    }

    Stats stats() {
        LocalDateTime last = measurements.lastWriteTime();
        return new Stats(
                measurements.countRows(),
                measurements.countReadings(),
                batchFiles.countFiles(),
                last == null ? null : last.toInstant(ZoneOffset.UTC).toString(),
                jdbc.execute(
                        (ConnectionCallback<String>)
                                connection -> connection.getMetaData().getDatabaseProductName()),
                refused.readings(),
                refused.batches());
    }
}
