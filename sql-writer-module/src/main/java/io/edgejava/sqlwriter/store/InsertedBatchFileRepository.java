package io.edgejava.sqlwriter.store;

import java.time.LocalDateTime;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * The table of inserted batch files, with the SQL written out as in {@link MeasurementRepository}.
 */
interface InsertedBatchFileRepository extends Repository<InsertedBatchFile, String> {

    @Query("SELECT sha256 FROM batch_files WHERE file_name = :fileName")
    Optional<String> findSha256ByFileName(@Param("fileName") String fileName);

    @Query("SELECT COUNT(*) FROM batch_files")
    long countFiles();

    @Modifying
    @Query(
            "INSERT INTO batch_files (file_name, sha256, row_count, inserted_at_utc)"
                    + " VALUES (:fileName, :sha256, :rowCount, :insertedAtUtc)")
    int insert(
            @Param("fileName") String fileName,
            @Param("sha256") String sha256,
            @Param("rowCount") int rowCount,
            @Param("insertedAtUtc") LocalDateTime insertedAtUtc);
}
