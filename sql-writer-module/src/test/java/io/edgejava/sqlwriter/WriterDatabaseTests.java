package io.edgejava.sqlwriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * What the writer must do on every database it supports: migrate the schema, write a reading as two
 * rows once per message id, insert a batch file once, and count from the database. Each subclass
 * runs these against one database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WriterDatabaseTests {

    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir static Path batches;

    WriterFixture fixture;

    /**
     * @return the writer's database settings ({@code --spring.datasource.url=...}); may abort the
     *     class with an assumption when the database cannot be had
     */
    abstract List<String> databaseSettings() throws Exception;

    /** The product name the database reports, as {@code GetStats} answers it. */
    abstract String databaseProductName();

    /** Stops the database, after the writer has stopped. */
    void stopDatabase() {}

    @BeforeAll
    void start() throws Exception {
        fixture = new WriterFixture(batches, databaseSettings());
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (fixture != null) {
                fixture.close();
            }
        } finally {
            stopDatabase();
        }
    }

    @Test
    void theSchemaIsCreatedByTheVendorsMigrations() {
        Flyway flyway = fixture.writer.getBean(Flyway.class);

        assertThat(flyway.info().current().getVersion().getVersion()).isEqualTo("1");
        assertThat(flyway.getConfiguration().getLocations())
                .extracting(Object::toString)
                .singleElement()
                .asString()
                .startsWith("classpath:db/migration/");
    }

    @Test
    void aReadingIsWrittenAsAMachineRowAndAnAmbientRow() throws Exception {
        String messageId = UUID.randomUUID().toString();

        fixture.publishReading(messageId, 31.5);

        await().atMost(WAIT).until(() -> fixture.rowsOf(messageId) == 2);
        List<Map<String, Object>> rows =
                fixture.jdbc.queryForList(
                        "SELECT location, temperature, pressure, humidity, source_module,"
                                + " batch_file FROM measurements WHERE message_id = ?"
                                + " ORDER BY location DESC",
                        messageId);
        assertThat(rows.get(0))
                .containsEntry("location", "machine")
                .containsEntry("temperature", 31.5)
                .containsEntry("pressure", 1.25)
                .containsEntry("humidity", null)
                .containsEntry("source_module", "filter-module")
                .containsEntry("batch_file", null);
        assertThat(rows.get(1))
                .containsEntry("location", "ambient")
                .containsEntry("temperature", 21.5)
                .containsEntry("pressure", null)
                .containsEntry("humidity", 26);
    }

    @Test
    void theSameMessageIdTwiceMakesOnePairOfRows() throws Exception {
        String messageId = UUID.randomUUID().toString();
        String after = UUID.randomUUID().toString();

        fixture.publishReading(messageId, 30.0);
        fixture.publishReading(messageId, 30.0);
        // One input is handled in order: once the next reading is in, both copies were handled.
        fixture.publishReading(after, 30.0);

        await().atMost(WAIT).until(() -> fixture.rowsOf(after) == 2);
        assertThat(fixture.rowsOf(messageId)).isEqualTo(2);
    }

    @Test
    void aBatchFileIsInsertedOnceAndMovedToDone() throws Exception {
        String fileName = WriterFixture.batchFileName();
        String content = WriterFixture.batchContent(5);
        fixture.writeBatchFile(fileName, content);

        fixture.publishClaimCheckFor(fileName, content, 5);

        await().atMost(WAIT).until(() -> Files.exists(batches.resolve("done").resolve(fileName)));
        assertThat(fixture.rowsOfBatchFile(fileName)).isEqualTo(10);
        assertThat(batches.resolve(fileName)).doesNotExist();

        fixture.publishClaimCheckFor(fileName, content, 5);
        String next = WriterFixture.batchFileName();
        String nextContent = WriterFixture.batchContent(1);
        fixture.writeBatchFile(next, nextContent);
        fixture.publishClaimCheckFor(next, nextContent, 1);

        await().atMost(WAIT).until(() -> Files.exists(batches.resolve("done").resolve(next)));
        assertThat(fixture.rowsOfBatchFile(fileName)).isEqualTo(10);
        assertThat(
                        fixture.jdbc.queryForObject(
                                "SELECT COUNT(*) FROM batch_files WHERE file_name = ?",
                                Integer.class,
                                fileName))
                .isEqualTo(1);
    }

    @Test
    void getStatsCountsWhatIsInTheDatabase() throws Exception {
        JsonNode before = fixture.getStats().body().path("payload");
        String messageId = UUID.randomUUID().toString();
        fixture.publishReading(messageId, 28.0);
        await().atMost(WAIT).until(() -> fixture.rowsOf(messageId) == 2);

        WriterFixture.Answer answer = fixture.getStats();

        assertThat(answer.status()).isEqualTo(200);
        JsonNode stats = answer.body().path("payload");
        assertThat(stats.path("rowsWritten").asLong())
                .isEqualTo(
                        fixture.jdbc.queryForObject(
                                "SELECT COUNT(*) FROM measurements", Long.class));
        assertThat(stats.path("readingsWritten").asLong())
                .isGreaterThanOrEqualTo(before.path("readingsWritten").asLong() + 1);
        assertThat(stats.path("batchesInserted").asLong())
                .isEqualTo(
                        fixture.jdbc.queryForObject(
                                "SELECT COUNT(*) FROM batch_files", Long.class));
        assertThat(stats.path("lastWriteTime").asString()).endsWith("Z");
        assertThat(stats.path("database").asString()).isEqualTo(databaseProductName());
    }
}
