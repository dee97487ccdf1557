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

    private static ControlCommand parse(String body) {
        return ControlCommand.parse(body.getBytes(StandardCharsets.UTF_8), JSON);
    }
}
