package io.edgejava.sqlwriter.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgejava.edge.InvalidMessageException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class ClaimCheckParserTests {

    static final String SHA = "a".repeat(64);
    static final String CLAIM =
            "{\"fileName\":\"readings-x-000001.csv\",\"rowCount\":3,\"sha256\":\""
                    + SHA
                    + "\",\"timeCreated\":\"2025-06-01T10:00:00Z\"}";

    final ClaimCheckParser parser = new ClaimCheckParser(JsonMapper.builder().build());

    ClaimCheck parse(String body) {
        return parser.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aClaimCheckOfTheContractIsRead() {
        assertThat(parse(CLAIM))
                .isEqualTo(
                        new ClaimCheck(
                                "readings-x-000001.csv",
                                3,
                                SHA,
                                Instant.parse("2025-06-01T10:00:00Z")));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\"rowCount\":3|\"rowCount\":-1|the claim check's rowCount is not a whole number",
                "\"rowCount\":3,||the claim check has no rowCount",
                "aaaaaaaaaa|AAAAAAAAAA|the claim check's sha256 is not 64 lowercase hex digits",
                "\"fileName\":\"readings-x-000001.csv\"|\"fileName\":7|the claim check's fileName is not a string",
                "2025-06-01T10:00:00Z|noon|the claim check's timeCreated is not an ISO-8601 instant",
            })
    void aClaimCheckOfTheWrongShapeIsRefusedNamingTheField(String from, String to, String reason) {
        String body = CLAIM.replaceFirst(java.util.regex.Pattern.quote(from), to == null ? "" : to);

        assertThatThrownBy(() -> parse(body))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageStartingWith(reason);
    }
}
