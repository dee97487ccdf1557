package io.edgejava.sqlwriter.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BatchCsvTests {

    static final String FILE =
            BatchCsv.HEADER
                    + "\n2025-01-01T10:00:00.100Z,42.1,3.4,21.2,25\n"
                    + "2025-01-01T10:00:00.200Z,42.5,3.5,21.3,26\n";

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aFileAsTheSensorWritesItIsRead() {
        assertThat(BatchCsv.parse(bytes(FILE)))
                .containsExactly(
                        new BatchRow(
                                Instant.parse("2025-01-01T10:00:00.100Z"), 42.1, 3.4, 21.2, 25),
                        new BatchRow(
                                Instant.parse("2025-01-01T10:00:00.200Z"), 42.5, 3.5, 21.3, 26));
        assertThat(BatchCsv.parse(bytes(BatchCsv.HEADER + "\n"))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "42.1,3.4|42.1;3.4|line 2 has 4 fields, not 5",
                ",25\\n2|,25.5\\n2|line 2: ambientHumidity \"25.5\" is not a whole number",
                "42.5,|NaN,|line 3: machineTemperature is not a finite number: NaN",
                "2025-01-01T10:00:00.100Z|yesterday|line 2: timeCreated \"yesterday\" is not an ISO-8601 instant",
                "ambientHumidity|humidity|line 1 is not the header",
                "26\\n|26|the file does not end with a line end: cut short?",
            })
    void aCorruptFileIsRefusedNamingTheLine(String from, String to, String reason) {
        String corrupt = FILE.replace(from.replace("\\n", "\n"), to.replace("\\n", "\n"));

        assertThatThrownBy(() -> BatchCsv.parse(bytes(corrupt)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(reason);
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() {
        byte[] latin1 = (BatchCsv.HEADER + "\n\u00e9\n").getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> BatchCsv.parse(latin1)).hasMessage("the file is not UTF-8 text");
    }

    @Test
    void theChecksumIsTheSha256OfTheBytesInLowercaseHex() {
        assertThat(BatchCsv.sha256(bytes("abc")))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
