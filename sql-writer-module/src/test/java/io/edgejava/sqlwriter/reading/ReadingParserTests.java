package io.edgejava.sqlwriter.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgejava.edge.InvalidMessageException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class ReadingParserTests {

    static final String READING =
            "{\"machine\":{\"temperature\":27.3,\"pressure\":1.2},"
                    + "\"ambient\":{\"temperature\":21.5,\"humidity\":26},"
                    + "\"timeCreated\":\"2025-06-01T10:00:00Z\"}";

    final ReadingParser parser = new ReadingParser(JsonMapper.builder().build());

    Reading parse(String body) {
        return parser.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aReadingOfTheContractIsRead() {
        assertThat(parse(READING))
                .isEqualTo(new Reading(27.3, 1.2, 21.5, 26, Instant.parse("2025-06-01T10:00:00Z")));
    }

    @Test
    void fieldsTheWriterDoesNotStoreAreIgnored() {
        assertThat(
                        parse(READING.replace("{\"machine\"", "{\"extra\":1,\"machine\""))
                                .ambientHumidity())
                .isEqualTo(26);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\"temperature\":27.3,|\"temperature\":\"hot\",|machine.temperature is not a number but string \"hot\"",
                ",\"pressure\":1.2||machine.pressure is missing",
                "\"humidity\":26|\"humidity\":26.5|ambient.humidity is not a whole number of % but 26.5",
                "\"temperature\":27.3,|\"temperature\":1e999,|machine.temperature is not a finite number: ",
                "\"2025-06-01T10:00:00Z\"|\"yesterday\"|timeCreated is not an ISO-8601 instant: \"yesterday\"",
                "\"ambient\":{\"temperature\":21.5,\"humidity\":26}|\"ambient\":7|ambient is not a JSON object but number 7",
            })
    void aReadingOfTheWrongShapeIsRefusedNamingTheField(String from, String to, String reason) {
        String body = READING.replace(from, to == null ? "" : to);

        assertThatThrownBy(() -> parse(body))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageStartingWith(reason);
    }

    @Test
    void aBodyThatIsNotJsonOrNotAnObjectIsRefused() {
        assertThatThrownBy(() -> parse("not a reading"))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageStartingWith("the body is not JSON");
        assertThatThrownBy(() -> parse("[1]"))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessage("the body is not a JSON object but array [1]");
        assertThatThrownBy(() -> parse("{\"machine\":{\"temperature\":NaN}}"))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageStartingWith("the body is not JSON");
    }
}
