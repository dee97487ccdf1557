package io.edgejava.sensor.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.edgejava.edge.EdgeHeaders;
import io.edgejava.edge.EdgeJson;
import io.edgejava.sensor.SensorProperties;
import io.edgejava.sensor.simulation.MachineSimulator;
import io.edgejava.sensor.simulation.Sample;
import io.edgejava.sensor.testing.Machines;
import io.edgejava.sensor.testing.RecordingHub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.messaging.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BatchPublisherTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir Path folder;

    private final RecordingHub hub = new RecordingHub();
    private final MachineSimulator machine = Machines.seeded(1);

    @Test
    void everyNthReadingWritesAFileAndSendsOnlyItsClaimCheck() throws Exception {
        BatchPublisher batches =
                publisher(new SensorProperties.Batch(true, folder.toString(), 3, 20));
        Sample reading = machine.next();

        for (long sequence = 1; sequence <= 7; sequence++) {
            batches.afterReading("run", sequence, reading, Duration.ofSeconds(5));
        }

        assertThat(hub.sentOn(BatchPublisher.OUTPUT)).hasSize(2);
        Message<?> claim = hub.sentOn(BatchPublisher.OUTPUT).get(0);
        assertThat(claim.getHeaders().get("contentType")).isEqualTo("application/json");
        assertThat(UUID.fromString((String) claim.getHeaders().get(EdgeHeaders.MESSAGE_ID)))
                .isNotNull();
        JsonNode body = JSON.readTree((byte[]) claim.getPayload());
        assertThat(body.get("fileName").asString()).isEqualTo("readings-run-000001.csv");
        assertThat(body.get("rowCount").asInt()).isEqualTo(20);
        assertThat(body.get("timeCreated").asString()).isEqualTo(Machines.NOW.toString());
        assertThat(Files.readAllLines(folder.resolve("readings-run-000002.csv"))).hasSize(21);
    }

    @Test
    void theFolderIsCreatedAtStartUp() {
        Path missing = folder.resolve("a").resolve("b");

        publisher(new SensorProperties.Batch(true, missing.toString(), 10, 10));

        assertThat(missing).isDirectory();
    }

    @Test
    void aFolderThatCannotBeCreatedStopsStartUpNamingTheSetting() throws Exception {
        Path file = Files.writeString(folder.resolve("a-file"), "x");

        assertThatIllegalStateException()
                .isThrownBy(
                        () ->
                                publisher(
                                        new SensorProperties.Batch(
                                                true, file.resolve("sub").toString(), 10, 10)))
                .withMessageContaining("sensor.batch.folder (SENSOR_BATCH_FOLDER)");
    }

    @Test
    void aFileThatCannotBeWrittenSendsNoClaimCheckAndTheNextOneIsTriedAgain() throws Exception {
        BatchPublisher batches =
                publisher(new SensorProperties.Batch(true, folder.toString(), 1, 5));
        Files.delete(folder);

        batches.afterReading("run", 1, machine.next(), Duration.ofSeconds(1));
        assertThat(hub.sent()).isEmpty();

        Files.createDirectories(folder);
        batches.afterReading("run", 2, machine.next(), Duration.ofSeconds(1));
        assertThat(hub.sentOn(BatchPublisher.OUTPUT)).hasSize(1);
    }

    @Test
    void aFileWhoseClaimCheckTheHubRefusesIsDeletedSoNoFileIsOrphaned() throws Exception {
        BatchPublisher batches =
                publisher(new SensorProperties.Batch(true, folder.toString(), 1, 5));
        hub.refuseNext(1);

        batches.afterReading("run", 1, machine.next(), Duration.ofSeconds(1));
        assertThat(hub.sent()).isEmpty();
        assertThat(folder).isEmptyDirectory();

        batches.afterReading("run", 2, machine.next(), Duration.ofSeconds(1));
        assertThat(hub.sentOn(BatchPublisher.OUTPUT)).hasSize(1);
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files)
                    .extracting(file -> file.getFileName().toString())
                    .containsExactly("readings-run-000002.csv");
        }
    }

    @Test
    void temporaryFilesLeftByAnEarlierRunAreDeletedAtStartUpAndNothingElse() throws Exception {
        Path stale = Files.writeString(folder.resolve(".readings-old-000003.csv.tmp"), "half");
        Path complete = Files.writeString(folder.resolve("readings-old-000002.csv"), "whole");
        Path someoneElses = Files.writeString(folder.resolve(".other.tmp"), "not ours");

        publisher(new SensorProperties.Batch(true, folder.toString(), 10, 10));

        assertThat(stale).doesNotExist();
        assertThat(complete).exists();
        assertThat(someoneElses).exists();
    }

    @Test
    void noFilesWhenBatchesAreOff() throws Exception {
        Path unused = folder.resolve("unused");
        BatchPublisher batches =
                publisher(new SensorProperties.Batch(false, unused.toString(), 1, 5));

        batches.afterReading("run", 1, machine.next(), Duration.ofSeconds(1));

        assertThat(hub.sent()).isEmpty();
        assertThat(unused).doesNotExist();
    }

    private BatchPublisher publisher(SensorProperties.Batch settings) {
        return new BatchPublisher(
                settings, machine, hub, new EdgeJson(JSON), Machines.fixedClock());
    }
}
