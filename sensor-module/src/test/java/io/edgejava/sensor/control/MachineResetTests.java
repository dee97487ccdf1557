package io.edgejava.sensor.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgejava.sensor.simulation.MachineSimulator;
import io.edgejava.sensor.testing.Machines;
import org.junit.jupiter.api.Test;

class MachineResetTests {

    @Test
    void theResetMethodRestartsTheRampAndSaysWhere() {
        MachineSimulator machine = Machines.seeded(3);
        for (int i = 0; i < 100; i++) {
            machine.next();
        }

        MachineReset.ResetAnswer answer = new MachineReset(machine).resetMethod();

        assertThat(answer).isEqualTo(new MachineReset.ResetAnswer(true, 21.0));
        assertThat(machine.next().machineTemperature()).isBetween(21.0, 22.25);
    }
}
