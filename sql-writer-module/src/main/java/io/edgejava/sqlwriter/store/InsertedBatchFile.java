package io.edgejava.sqlwriter.store;

import java.time.LocalDateTime;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A batch file whose rows are in {@code measurements}: a claim check for it that comes again
 * inserts nothing.
 *
 * @param fileName its name in the shared folder
 * @param sha256 the checksum it was verified against
 * @param rowCount its rows (each makes two measurement rows)
 * @param insertedAtUtc when its rows were committed
 */
@Table("batch_files")
record InsertedBatchFile(
        @Id String fileName, String sha256, int rowCount, LocalDateTime insertedAtUtc) {}
