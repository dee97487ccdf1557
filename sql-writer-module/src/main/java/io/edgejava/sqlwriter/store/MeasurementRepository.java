package io.edgejava.sqlwriter.store;

import java.time.LocalDateTime;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/**
 * Queries on {@code measurements}. The SQL is written out, in the subset every supported database
 * understands, because Spring Data JDBC quotes the names it derives and H2 then takes them as
 * case-sensitive.
 */
interface MeasurementRepository extends Repository<Measurement, Long> {

    @Query("SELECT COUNT(*) FROM measurements")
    long countRows();

    /** A reading makes one machine row and one ambient row; batch rows name their file. */
    @Query("SELECT COUNT(*) FROM measurements WHERE batch_file IS NULL AND location = 'machine'")
    long countReadings();

    @Query("SELECT MAX(written_at_utc) FROM measurements")
    LocalDateTime lastWriteTime();
}
