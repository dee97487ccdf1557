package io.edgejava.sqlwriter;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * sql-writer-module's settings, under the prefix {@code writer}. The database is Spring Boot's
 * {@code spring.datasource.*} ({@code SPRING_DATASOURCE_URL}, {@code SPRING_DATASOURCE_USERNAME},
 * {@code SPRING_DATASOURCE_PASSWORD}).
 *
 * @param batch where the claim-checked batch files are
 */
@Validated
@ConfigurationProperties("writer")
public record WriterProperties(@Valid @NotNull @DefaultValue Batch batch) {

    /**
     * @param folder the folder shared with sensor-module, which writes the batch files into it;
     *     processed files go to its {@code done/} subfolder, refused ones to {@code rejected/}
     */
    public record Batch(
            @NotBlank(
                            message =
                                    "set writer.batch.folder (WRITER_BATCH_FOLDER) to the folder"
                                            + " shared with sensor-module")
                    @DefaultValue("shared-batches")
                    String folder) {}
}
