package io.edgejava.sqlwriter.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgejava.edge.InvalidMessageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BatchFileNameTests {

    @Test
    void aNameOfTheContractIsAccepted() {
        String name = "readings-3f2a9c1e-8b7d-4e2f-9a1b-0c2d3e4f5a6b-000042.csv";

        assertThat(BatchFileName.check(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../x.csv",
                "/etc/passwd",
                "a/b.csv",
                "readings-a\\b-000001.csv",
                "readings-..-000001.csv",
                "readings-x-000001.csv/../../etc/passwd",
                ".readings-x-000001.csv.tmp",
                "readings-x-1.csv",
                "readings-x-000001.txt",
                ""
            })
    void anyOtherNameIsRefused(String name) {
        assertThatThrownBy(() -> BatchFileName.check(name))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("is not a plain batch file name");
    }
}
