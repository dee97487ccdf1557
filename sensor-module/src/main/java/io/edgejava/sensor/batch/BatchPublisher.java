package io.edgejava.sensor.batch;

import io.edgejava.edge.EdgeHeaders;
import io.edgejava.edge.EdgeHub;
import io.edgejava.edge.EdgeJson;
import io.edgejava.sensor.SensorProperties;
import io.edgejava.sensor.simulation.MachineSimulator;
import io.edgejava.sensor.simulation.Sample;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;

/**
 * File sharing with a claim check: every {@code sensor.batch.every} readings, writes the raw
 * high-rate samples of the last interval into the shared folder and sends only a small message
 * naming the file on output {@code batchOutput}. The file never travels through the hub, which
 * refuses messages over 256 KB.
 */
public final class BatchPublisher {

    /** The output the claim checks go to; the route {@code batchesToWriter} reads it. */
    static final String OUTPUT = "batchOutput";

    private static final Logger log = LoggerFactory.getLogger(BatchPublisher.class);

    private final SensorProperties.Batch settings;
    private final BatchFileWriter writer;
    private final MachineSimulator machine;
    private final EdgeHub hub;
    private final EdgeJson json;
    private final Clock clock;
    private final AtomicLong files = new AtomicLong();

    /**
     * @param settings where, how often and how large; the folder is created here when missing
     * @param machine the machine whose high-rate samples go into the files
     * @param hub where the claim checks go
     * @param json how they are written
     * @param clock when they were made
     */
    public BatchPublisher(
            SensorProperties.Batch settings,
            MachineSimulator machine,
            EdgeHub hub,
            EdgeJson json,
            Clock clock) {
        this.settings = settings;
        this.machine = machine;
        this.hub = hub;
        this.json = json;
        this.clock = clock;
        this.writer = new BatchFileWriter(Path.of(settings.folder()).toAbsolutePath());
        if (settings.enabled()) {
            createFolder(writer.folder());
            deleteStaleTemporaryFiles(writer.folder());
            log.info(
                    "Batch files of {} samples every {} readings go to {}",
                    settings.rows(),
                    settings.every(),
                    writer.folder());
        } else {
            log.info("Batch files are off (sensor.batch.enabled=false)");
        }
    }

    private static String deleteUnannounced(Path file) {
        try {
            Files.deleteIfExists(file);
            return "deleted it";
        } catch (IOException e) {
            return "could not delete it either (" + e + ")";
        }
    }

    private static void createFolder(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "cannot create the batch folder "
                            + folder
                            + ", set by sensor.batch.folder (SENSOR_BATCH_FOLDER): "
                            + e,
                    e);
        }
    }

    /**
     * Deletes what a run that stopped midway through a file left: its {@code .readings-*.tmp}. No
     * reader ever takes such a file (it has no claim check and not its final name), so nothing else
     * would remove it. Only this sensor's temporary files are touched, not anything else in the
     * shared folder.
     */
    private static void deleteStaleTemporaryFiles(Path folder) {
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(folder, ".readings-*.tmp")) {
            for (Path file : stale) {
                try {
                    Files.deleteIfExists(file);
                    log.info("Deleted {}, left half-written by an earlier run", file.getFileName());
                } catch (IOException e) {
                    log.warn("Could not delete {}, left by an earlier run: {}", file, e.toString());
                }
            }
        } catch (IOException e) {
            log.warn("Could not look for temporary files left in {}: {}", folder, e.toString());
        }
    }

    /**
     * Called after each reading the hub accepted: on every {@code sensor.batch.every}-th, writes a
     * batch file and sends its claim check. A file that cannot be written is logged and skipped,
     * without a claim check; the readings go on.
     *
     * @param batchId the sensor run's id, part of the file name
     * @param sequence the reading's sequence number
     * @param reading the reading the file's samples lead up to
     * @param span the interval the samples cover
     */
    public void afterReading(String batchId, long sequence, Sample reading, Duration span) {
        if (!settings.enabled() || sequence % settings.every() != 0) {
            return;
        }
        String fileName =
                String.format(
                        Locale.ROOT, "readings-%s-%06d.csv", batchId, files.incrementAndGet());
        BatchFile file;
        try {
            file = writer.write(fileName, machine.highRateSamples(reading, span, settings.rows()));
        } catch (IOException | RuntimeException e) {
            log.error(
                    "Could not write batch file {} in {}, so no claim check is sent: {}",
                    fileName,
                    writer.folder(),
                    e.toString());
            return;
        }
        ClaimCheck claim =
                new ClaimCheck(file.fileName(), file.rowCount(), file.sha256(), clock.instant());
        Message<byte[]> message =
                MessageBuilder.fromMessage(json.message(claim))
                        .setHeader(EdgeHeaders.MESSAGE_ID, UUID.randomUUID().toString())
                        .build();
        try {
            hub.output(OUTPUT).send(message);
        } catch (RuntimeException e) {
            // No reader will be told of the file, so none would ever remove it.
            String deleted = deleteUnannounced(writer.folder().resolve(file.fileName()));
            log.warn(
                    "The hub did not take the claim check of batch file {}, so no reader will be"
                            + " told of it; {}: {}",
                    fileName,
                    deleted,
                    e.getMessage());
            return;
        }
        log.info(
                "Wrote batch file {} ({} rows, sha256 {}) and sent its claim check",
                file.fileName(),
                file.rowCount(),
                file.sha256());
    }
}
