package io.edgejava.sqlwriter.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes measurement rows, idempotently on {@code (message_id, location)}, and records inserted
 * batch files.
 *
 * <p>The rows of one reading or one file go in one JDBC batch, in one transaction: all or none. The
 * insert is the vendor's own "insert unless the key exists" ({@link Vendor}), which a repository's
 * {@code save} can neither batch nor express, so it runs on the {@link JdbcTemplate} that Spring
 * Data JDBC itself is built on. A database that cannot be reached ends in {@link
 * io.edgejava.edge.RetryLaterException} (see {@link DatabaseOutage}).
 */
public final class MeasurementStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final InsertedBatchFileRepository batchFiles;
    private final Vendor vendor;
    private final Clock clock;
    private final Runnable discardConnections;

    /**
     * @param discardConnections drops the pool's connections after an outage: a connection that
     *     broke while the database was down would otherwise be handed out again, and fail again,
     *     after the database is back
     */
    MeasurementStore(
            JdbcTemplate jdbc,
            TransactionTemplate transaction,
            InsertedBatchFileRepository batchFiles,
            Vendor vendor,
            Clock clock,
            Runnable discardConnections) {
        this.discardConnections = discardConnections;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.batchFiles = batchFiles;
        this.vendor = vendor;
        this.clock = clock;
    }

    /**
     * @param rows the rows of one reading
     * @return how many were new; 0 when the reading had been written before
     */
    public int write(List<MeasurementRow> rows) {
        return DatabaseOutage.retryLaterWhenDown(
                () -> transaction.execute(status -> insert(rows, now())), discardConnections);
    }

    /**
     * @param fileName a batch file's name
     * @return the SHA-256 it was inserted with, when its rows are in
     */
    public Optional<String> insertedBatchFileSha256(String fileName) {
        return DatabaseOutage.retryLaterWhenDown(
                () -> batchFiles.findSha256ByFileName(fileName).map(String::trim),
                discardConnections);
    }

    /**
     * Inserts a batch file's rows and records the file, in one transaction.
     *
     * @param fileName the file's name
     * @param sha256 its verified checksum
     * @param rowCount its rows
     * @param rows the measurement rows made of them
     * @return how many measurement rows were new
     */
    public int insertBatchFile(
            String fileName, String sha256, int rowCount, List<MeasurementRow> rows) {
        return DatabaseOutage.retryLaterWhenDown(
                () ->
                        transaction.execute(
                                status -> {
                                    LocalDateTime now = now();
                                    int inserted = insert(rows, now);
                                    batchFiles.insert(fileName, sha256, rowCount, now);
                                    return inserted;
                                }),
                discardConnections);
    }

    private int insert(List<MeasurementRow> rows, LocalDateTime writtenAt) {
        if (rows.isEmpty()) {
            return 0;
        }
        ParameterizedPreparedStatementSetter<MeasurementRow> parameters =
                (statement, row) -> bind(statement, row, writtenAt);
        int[][] counts =
                jdbc.batchUpdate(vendor.insertMeasurement(), rows, rows.size(), parameters);
        int inserted = 0;
        for (int[] batch : counts) {
            for (int count : batch) {
                // Some drivers answer SUCCESS_NO_INFO (-2) for a batched statement.
                inserted += Math.max(count, 0);
            }
        }
        return inserted;
    }

    private static void bind(
            PreparedStatement statement, MeasurementRow row, LocalDateTime writtenAt)
            throws SQLException {
        statement.setObject(1, LocalDateTime.ofInstant(row.time(), ZoneOffset.UTC));
        statement.setString(2, row.location());
        statement.setDouble(3, row.temperature());
        if (row.pressure() == null) {
            statement.setNull(4, Types.DOUBLE);
        } else {
            statement.setDouble(4, row.pressure());
        }
        if (row.humidity() == null) {
            statement.setNull(5, Types.INTEGER);
        } else {
            statement.setInt(5, row.humidity());
        }
        statement.setString(6, row.messageId());
        setNullableString(statement, 7, row.sourceModule());
        setNullableString(statement, 8, row.batchFile());
        statement.setObject(9, writtenAt);
    }

    private static void setNullableString(PreparedStatement statement, int index, String value)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
