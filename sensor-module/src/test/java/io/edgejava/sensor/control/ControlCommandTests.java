package io.edgejava.sensor.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgejava.edge.InvalidMessageException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ControlCommandTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void resetIsTheOneCommandInAnyCase() {
        assertThat(parse("{\"command\":\"reset\"}")).isEqualTo(ControlCommand.RESET);
        assertThat(parse("{\"command\":\"Reset\"}")).isEqualTo(ControlCommand.RESET);
    }

    @Test
    void anUnknownCommandIsInvalidAndNamed() {
        assertThatThrownBy(() -> parse("{\"command\":\"explode\"}"))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessage("unknown control command 'explode'; the sensor knows only 'reset'");
    }

    @Test
    void aBodyThatIsNotJsonIsInvalid() {
        assertThatThrownBy(() -> parse("reset please"))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageStartingWith("the control message is not JSON");
    }

    @Test
    void aBodyOfTheWrongShapeIsInvalid() {
        for (String body :
                new String[] {"[]", "\"reset\"", "{}", "{\"command\":1}", "{\"Command\":null}"}) {
            assertThatThrownBy(() -> parse(body))
                    .as(body)
                    .isInstanceOf(InvalidMessageException.class)
                    .hasMessageContaining("{\"command\":\"reset\"}");
        }
    }

    @Test
    void aBodyThatIsNotUtf8IsInvalidAndSaysSo() {
        byte[][] bodies = {
            "{\"command\":\"reset\"}".getBytes(StandardCharsets.UTF_16LE),
            "{\"command\":\"reset\"}\u0000".getBytes(StandardCharsets.UTF_8),
            {'{', '"', 'c', '"', ':', (byte) 0xC3, 0x28, '}'}
        };
        for (byte[] body : bodies) {
            assertThatThrownBy(() -> ControlCommand.parse(body, JSON))
                    .isInstanceOf(InvalidMessageException.class)
                    .hasMessageStartingWith("the control message is not UTF-8");
        }
    }

    @Test
    void anEmptyDeepOrHugeBodyIsInvalidWithItsReason() {
        assertThatThrownBy(() -> parse(""))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("{\"command\":\"reset\"}");
        assertThatThrownBy(() -> parse("[".repeat(10_000)))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageStartingWith("the control message is not JSON")
                .hasMessageContaining("nesting depth");
        assertThatThrownBy(() -> parse("{\"command\":1e400}"))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("no string field 'command'");
    }

    private static ControlCommand parse(String body) {
        return ControlCommand.parse(body.getBytes(StandardCharsets.UTF_8), JSON);
    }
}
