package io.edgejava.edge.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Dead-letter reasons quote bad input; what they carry must still be a sendable property. */
class DeadLetterReasonTests {

    @Test
    void aReasonQuotingAHugeValueIsCutToTheLimitAndSaysSo() {
        String reason = ModuleHub.printable("bad timeCreated: " + "9".repeat(200_000));

        assertThat(reason).hasSize(ModuleHub.MAX_REASON_LENGTH + 1).endsWith("…");
        assertThat(reason).startsWith("bad timeCreated: 999");
    }

    @Test
    void controlCharactersAndLoneSurrogatesBecomeQuestionMarks() {
        assertThat(ModuleHub.printable("a\u0000b\nc\uD800d")).isEqualTo("a?b?c?d");
        assertThat(ModuleHub.printable("hot \uD83D\uDD25")).isEqualTo("hot \uD83D\uDD25");
    }

    @Test
    void anOrdinaryReasonIsKeptAsItIs() {
        assertThat(ModuleHub.printable("not JSON: Unexpected character 'x' at 1:1"))
                .isEqualTo("not JSON: Unexpected character 'x' at 1:1");
        assertThat(ModuleHub.printable(null)).isEqualTo("(no reason given)");
    }
}
