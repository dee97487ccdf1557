package io.edgejava.sensor.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.edgejava.sensor.testing.Machines;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MachineSimulatorTests {

    private final MachineSimulator machine = Machines.seeded(42);

    @Test
    void theTemperatureRampsUpFromTheMinimumAndLevelsOffAtTheMaximum() {
        List<Sample> samples = steps(machine, 400);

        assertThat(samples.get(0).machineTemperature()).isBetween(21.0, 22.25);
        assertThat(samples.get(20).machineTemperature())
                .isGreaterThan(samples.get(0).machineTemperature() + 5);
        // 0.5 °C a step on average: the 79 °C of the ramp take about 160 steps.
        assertThat(samples.subList(300, 400))
                .allSatisfy(
                        sample -> assertThat(sample.machineTemperature()).isBetween(99.0, 100.5));
        assertThat(samples.subList(300, 400)).anyMatch(sample -> sample.machineTemperature() > 100);
    }

    @Test
    void theTemperatureNeverLeavesTheRangeByMoreThanTheJitterAtTheTop() {
        assertThat(steps(machine, 5000))
                .allSatisfy(
                        sample -> assertThat(sample.machineTemperature()).isBetween(21.0, 100.5));
    }

    @Test
    void aResetStartsTheRampAgain() {
        steps(machine, 300);

        assertThat(machine.reset()).isEqualTo(21.0);

        assertThat(machine.next().machineTemperature()).isBetween(21.0, 22.25);
    }

    @Test
    void thePressureFollowsTheTemperatureAcrossItsRange() {
        assertThat(machine.pressureAt(21)).isEqualTo(1.0);
        assertThat(machine.pressureAt(100)).isEqualTo(10.0);
        assertThat(machine.pressureAt(60.5)).isCloseTo(5.5, within(1e-9));
        assertThat(steps(machine, 500))
                .allSatisfy(
                        sample ->
                                assertThat(sample.machinePressure())
                                        .isCloseTo(
                                                machine.pressureAt(sample.machineTemperature()),
                                                within(1e-9)));
    }

    @Test
    void theRoomVariesALittleAroundItsSettings() {
        List<Sample> samples = steps(machine, 1000);

        assertThat(samples)
                .allSatisfy(
                        sample -> {
                            assertThat(sample.ambientTemperature()).isBetween(20.5, 21.5);
                            assertThat(sample.ambientHumidity()).isBetween(24, 26);
                        });
        assertThat(samples.stream().map(Sample::ambientHumidity).distinct()).hasSize(3);
    }

    @Test
    void theSameSeedGivesTheSameMachine() {
        List<Sample> first = steps(Machines.seeded(7), 100);
        List<Sample> second = steps(Machines.seeded(7), 100);
        List<Sample> other = steps(Machines.seeded(8), 100);

        assertThat(second).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(first).allSatisfy(sample -> assertThat(sample.time()).isEqualTo(Machines.NOW));
    }

    @Test
    void highRateSamplesSpreadOverTheIntervalAroundTheReading() {
        Sample reading = steps(machine, 50).get(49);

        List<Sample> samples = machine.highRateSamples(reading, Duration.ofSeconds(5), 1000);

        assertThat(samples).hasSize(1000);
        assertThat(samples.get(0).time()).isEqualTo(Machines.NOW.minusSeconds(5).plusMillis(5));
        assertThat(samples.get(999).time()).isEqualTo(Machines.NOW);
        for (int i = 1; i < samples.size(); i++) {
            assertThat(samples.get(i).time()).isAfter(samples.get(i - 1).time());
        }
        assertThat(samples)
                .allSatisfy(
                        sample -> {
                            assertThat(sample.machineTemperature())
                                    .isCloseTo(reading.machineTemperature(), within(0.1));
                            assertThat(sample.machinePressure())
                                    .isCloseTo(
                                            machine.pressureAt(sample.machineTemperature()),
                                            within(1e-9));
                        });
    }

    private static List<Sample> steps(MachineSimulator machine, int count) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            samples.add(machine.next());
        }
        return samples;
    }
}
