package io.edgejava.sqlwriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edgejava.edge.contract.SystemProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The writer against the real hub, the project's routes and an H2 file database: the shared
 * database tests, plus what goes to the dead-letter output and the health endpoint.
 */
class SqlWriterModuleIntegrationTests extends WriterDatabaseTests {

    @TempDir static Path database;

    @Override
    List<String> databaseSettings() {
        return List.of("--spring.datasource.url=jdbc:h2:file:" + database.resolve("readings"));
    }

    @Override
    String databaseProductName() {
        return "H2";
    }

    @Test
    void healthShowsTheDatabase() {
        JsonNode health = fixture.health();

        assertThat(health.path("components").path("db").path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("details").path("database").asString())
                .isEqualTo("H2");
    }

    @Test
    void readingsThatCannotBeWrittenAreDeadLetteredWithTheReasonAndWriteNothing() throws Exception {
        String marker = UUID.randomUUID().toString();
        String notJson = UUID.randomUUID().toString();
        String wrongType = UUID.randomUUID().toString();
        String missing = UUID.randomUUID().toString();
        fixture.publishAlert(WriterFixture.reading(30.0), Map.of("marker", marker));
        fixture.publishAlert(
                "not a reading", Map.of("marker", marker, SystemProperties.MESSAGE_ID, notJson));
        fixture.publishAlert(
                WriterFixture.reading(30.0).replace("\"humidity\":26", "\"humidity\":\"wet\""),
                Map.of("marker", marker, SystemProperties.MESSAGE_ID, wrongType));
        fixture.publishAlert(
                WriterFixture.reading(30.0).replace(",\"pressure\":1.25", ""),
                Map.of("marker", marker, SystemProperties.MESSAGE_ID, missing));

        await().atMost(WAIT).until(() -> fixture.hub.deadLetters(marker).size() == 4);
        assertThat(fixture.hub.deadLetters(marker))
                .extracting(
                        message -> message.path("properties").path("deadLetterReason").asString())
                .containsExactlyInAnyOrder(
                        "the reading has no message id ($messageId), so it cannot be written"
                                + " exactly once",
                        "the body is not JSON: Unrecognized token 'not': was expecting (JSON"
                                + " String, Number, Array, Object or token 'null', 'true' or"
                                + " 'false')",
                        "ambient.humidity is not a number but string \"wet\"",
                        "machine.pressure is missing");
        assertThat(fixture.rowsOf(notJson) + fixture.rowsOf(wrongType) + fixture.rowsOf(missing))
                .isZero();
    }

    @Test
    void aCorruptBatchFileIsDeadLetteredMovedToRejectedAndInsertsNothing() throws Exception {
        String marker = UUID.randomUUID().toString();
        String wrongChecksum = WriterFixture.batchFileName();
        String wrongRowCount = WriterFixture.batchFileName();
        String notCsv = WriterFixture.batchFileName();
        String content = WriterFixture.batchContent(3);
        fixture.writeBatchFile(wrongChecksum, content);
        fixture.writeBatchFile(wrongRowCount, content);
        String broken = content.replace(",1.5,", ",high,");
        fixture.writeBatchFile(notCsv, broken);

        fixture.publishClaimCheck(
                WriterFixture.claimCheck(wrongChecksum, 3, "0".repeat(64)),
                Map.of("marker", marker));
        fixture.publishClaimCheck(
                WriterFixture.claimCheck(wrongRowCount, 4, WriterFixture.sha256(content)),
                Map.of("marker", marker));
        fixture.publishClaimCheck(
                WriterFixture.claimCheck(notCsv, 3, WriterFixture.sha256(broken)),
                Map.of("marker", marker));

        await().atMost(WAIT).until(() -> fixture.hub.deadLetters(marker).size() == 3);
        assertThat(reasons(marker))
                .containsExactlyInAnyOrder(
                        "batch file "
                                + wrongChecksum
                                + " is corrupt: its SHA-256 is "
                                + WriterFixture.sha256(content)
                                + ", the claim check says "
                                + "0".repeat(64),
                        "batch file "
                                + wrongRowCount
                                + " is corrupt: it has 3 rows, the claim check says 4",
                        "batch file "
                                + notCsv
                                + " is corrupt: it is not a batch CSV: line 2: machinePressure"
                                + " \"high\" is not a number");
        for (String fileName : List.of(wrongChecksum, wrongRowCount, notCsv)) {
            assertThat(batches.resolve("rejected").resolve(fileName)).exists();
            assertThat(batches.resolve(fileName)).doesNotExist();
            assertThat(fixture.rowsOfBatchFile(fileName)).isZero();
        }
    }

    @Test
    void aDifferentFileUnderANameAlreadyInsertedIsDeadLetteredAndRejectedNotMixedIn()
            throws Exception {
        String marker = UUID.randomUUID().toString();
        String fileName = WriterFixture.batchFileName();
        String first = WriterFixture.batchContent(2);
        fixture.writeBatchFile(fileName, first);
        fixture.publishClaimCheckFor(fileName, first, 2);
        await().atMost(WAIT).until(() -> Files.exists(batches.resolve("done").resolve(fileName)));

        String second = WriterFixture.batchContent(3);
        fixture.writeBatchFile(fileName, second);
        fixture.publishClaimCheck(
                WriterFixture.claimCheck(fileName, 3, WriterFixture.sha256(second)),
                Map.of("marker", marker));

        await().atMost(WAIT).until(() -> fixture.hub.deadLetters(marker).size() == 1);
        assertThat(reasons(marker).get(0))
                .contains("was inserted before with SHA-256 " + WriterFixture.sha256(first))
                .endsWith("a different file under a name already used");
        assertThat(fixture.rowsOfBatchFile(fileName)).isEqualTo(4);
        assertThat(batches.resolve("rejected").resolve(fileName)).hasContent(second);
        assertThat(batches.resolve("done").resolve(fileName)).hasContent(first);
    }

    @Test
    void aMissingFileOrANameOutsideTheFolderIsDeadLetteredWithoutTouchingAnything()
            throws Exception {
        String marker = UUID.randomUUID().toString();
        String missing = WriterFixture.batchFileName();
        Path outside = Files.writeString(batches.getParent().resolve("outside.csv"), "keep me");
        String content = WriterFixture.batchContent(1);

        fixture.publishClaimCheck(
                WriterFixture.claimCheck(missing, 1, WriterFixture.sha256(content)),
                Map.of("marker", marker));
        fixture.publishClaimCheck(
                WriterFixture.claimCheck("../outside.csv", 1, WriterFixture.sha256("keep me")),
                Map.of("marker", marker));

        await().atMost(WAIT).until(() -> fixture.hub.deadLetters(marker).size() == 2);
        assertThat(reasons(marker))
                .containsExactlyInAnyOrder(
                        "batch file " + missing + " is not in the shared folder " + batches,
                        "the claim check's fileName \"../outside.csv\" is not a plain batch file"
                                + " name (readings-<batchId>-<6 digits>.csv: letters, digits and"
                                + " '-', no folder part), so the writer does not touch it");
        assertThat(outside).hasContent("keep me");
        assertThat(batches.resolve("rejected").resolve("outside.csv")).doesNotExist();
    }

    List<String> reasons(String marker) {
        return fixture.hub.deadLetters(marker).stream()
                .map(message -> message.path("properties").path("deadLetterReason").asString())
                .toList();
    }
}
