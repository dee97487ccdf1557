package io.edgejava.sqlwriter.store;

import java.time.LocalDateTime;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of {@code measurements} as Spring Data JDBC maps it; it is read by {@link
 * MeasurementRepository}'s queries only. Rows are written by {@link MeasurementStore}, in batches.
 */
@Table("measurements")
record Measurement(
        @Id Long id,
        LocalDateTime measurementTimeUtc,
        String location,
        double temperature,
        Double pressure,
        Integer humidity,
        String messageId,
        String sourceModule,
        String batchFile,
        LocalDateTime writtenAtUtc) {}
