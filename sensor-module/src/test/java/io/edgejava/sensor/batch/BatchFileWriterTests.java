package io.edgejava.sensor.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgejava.sensor.simulation.Sample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.AbstractList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchFileWriterTests {

    private static final Instant T0 = Instant.parse("2025-06-01T10:00:00Z");

    @TempDir Path folder;

    @Test
    void writesTheHeaderAndOneRowPerSampleWithTheDigestOfTheBytes() throws Exception {
        List<Sample> samples =
                List.of(
                        new Sample(T0, 42.5, 3.5, 21.25, 25),
                        new Sample(T0.plusMillis(5), 1.0E-5, 10.0, -0.5, 24));

        BatchFile file = new BatchFileWriter(folder).write("readings-a-000001.csv", samples);

        byte[] bytes = Files.readAllBytes(folder.resolve("readings-a-000001.csv"));
        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .isEqualTo(
                        "timeCreated,machineTemperature,machinePressure,ambientTemperature,ambientHumidity\n"
                                + "2025-06-01T10:00:00Z,42.5,3.5,21.25,25\n"
                                + "2025-06-01T10:00:00.005Z,1.0E-5,10.0,-0.5,24\n");
        assertThat(file).isEqualTo(new BatchFile("readings-a-000001.csv", 2, sha256(bytes)));
        assertThat(file.sha256()).matches("[0-9a-f]{64}");
        assertThat(namesIn(folder)).containsExactly("readings-a-000001.csv");
    }

    @Test
    void aFailureMidwayLeavesNeitherTheFileNorItsTemporaryFile() throws Exception {
        List<Sample> failingAtRow500 =
                new AbstractList<>() {
                    @Override
                    public Sample get(int index) {
                        if (index == 500) {
                            throw new UncheckedIOException(new IOException("disk full"));
                        }
                        return new Sample(T0.plusMillis(index), 40, 3, 21, 25);
                    }

                    @Override
                    public int size() {
                        return 1000;
                    }
                };

        assertThatThrownBy(
                        () ->
                                new BatchFileWriter(folder)
                                        .write("readings-a-000001.csv", failingAtRow500))
                .hasMessageContaining("disk full");

        assertThat(namesIn(folder)).isEmpty();
    }

    @Test
    void aFailedRenameLeavesNoTemporaryFile() throws Exception {
        Files.createDirectories(folder.resolve("readings-a-000001.csv").resolve("in-the-way"));

        assertThatIOException()
                .isThrownBy(
                        () ->
                                new BatchFileWriter(folder)
                                        .write(
                                                "readings-a-000001.csv",
                                                List.of(new Sample(T0, 40, 3, 21, 25))));

        assertThat(namesIn(folder)).containsExactly("readings-a-000001.csv");
        assertThat(folder.resolve("readings-a-000001.csv")).isDirectory();
    }

    @Test
    void aNameWithAFolderPartIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new BatchFileWriter(folder).write("../x.csv", List.of()));
    }

    private static List<String> namesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).toList();
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
