package io.edgejava.sensor.batch;

import io.edgejava.sensor.simulation.Sample;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes samples as a CSV file into the shared folder so that a reader never sees half a file: the
 * rows go to {@code .<name>.tmp}, are forced to disk, and only then is the file renamed to its name
 * in one atomic step. A reader that lists the folder or opens the name from a claim check finds the
 * whole file or none.
 *
 * <p>The format (UTF-8, {@code \n} line ends):
 *
 * <pre>
 * timeCreated,machineTemperature,machinePressure,ambientTemperature,ambientHumidity
 * 2025-01-01T10:00:00.100Z,42.1,3.4,21.2,25
 * </pre>
 */
final class BatchFileWriter {

    static final String HEADER =
            "timeCreated,machineTemperature,machinePressure,ambientTemperature,ambientHumidity";

    /** What the claim-check contract allows in a file name: no folder part, nothing to escape. */
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]*");

    private final Path folder;

    /**
     * @param folder the shared folder; it must exist
     */
    BatchFileWriter(Path folder) {
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }

    /**
     * @param fileName the file's name in the folder
     * @param samples its rows
     * @return the complete file
     * @throws IOException when it could not be written; then neither the file nor its temporary
     *     file is left behind
     */
    BatchFile write(String fileName, List<Sample> samples) throws IOException {
        if (!FILE_NAME.matcher(fileName).matches()) {
            throw new IllegalArgumentException(
                    "'" + fileName + "' is not a batch file name: letters, digits, '-', '.' only");
        }
        Path target = folder.resolve(fileName);
        Path temporary = folder.resolve("." + fileName + ".tmp");
        MessageDigest sha256 = sha256();
        try {
            try (FileChannel channel =
                            FileChannel.open(
                                    temporary,
                                    StandardOpenOption.CREATE,
                                    StandardOpenOption.TRUNCATE_EXISTING,
                                    StandardOpenOption.WRITE);
                    Writer csv =
                            new BufferedWriter(
                                    new OutputStreamWriter(
                                            new DigestOutputStream(
                                                    Channels.newOutputStream(channel), sha256),
                                            StandardCharsets.UTF_8))) {
                csv.write(HEADER);
                csv.write('\n');
                for (Sample sample : samples) {
                    csv.write(row(sample));
                    csv.write('\n');
                }
                csv.flush();
                // On disk before the rename: after a power cut the name must not point at a hole.
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temporary, e);
            throw e;
        }
        return new BatchFile(fileName, samples.size(), HexFormat.of().formatHex(sha256.digest()));
    }

    /** Doubles as {@link Double#toString}, which ignores the default locale. */
    static String row(Sample sample) {
        return sample.time()
                + ","
                + sample.machineTemperature()
                + ","
                + sample.machinePressure()
                + ","
                + sample.ambientTemperature()
                + ","
                + sample.ambientHumidity();
    }

    private static void deleteQuietly(Path temporary, Exception failure) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
