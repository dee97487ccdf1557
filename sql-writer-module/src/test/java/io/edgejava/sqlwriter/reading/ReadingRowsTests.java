package io.edgejava.sqlwriter.reading;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgejava.sqlwriter.store.MeasurementRow;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReadingRowsTests {

    @Test
    void aReadingBecomesAMachineRowWithThePressureAndAnAmbientRowWithTheHumidity() {
        Instant time = Instant.parse("2025-06-01T10:00:00Z");

        assertThat(ReadingRows.of(new Reading(27.3, 1.2, 21.5, 26, time), "id-1", "filter-module"))
                .containsExactly(
                        new MeasurementRow(
                                time, "machine", 27.3, 1.2, null, "id-1", "filter-module", null),
                        new MeasurementRow(
                                time, "ambient", 21.5, null, 26, "id-1", "filter-module", null));
    }
}
