package io.edgejava.sensor.simulation;

import io.edgejava.sensor.SensorProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A machine that warms up: each step its temperature climbs by a random amount that averages half a
 * degree (a step may also cool it a little), from the minimum until it reaches the maximum, where
 * it then wanders within half a degree either side, so that an overheating route sees readings
 * above the maximum. The pressure follows the temperature in proportion; the room's temperature and
 * humidity vary a little around their settings.
 *
 * <p>Time and randomness are injected, so that a test with a fixed clock and a seeded generator
 * gets the same machine every run. Thread-safe: the schedule steps it while a direct method or a
 * control message resets it.
 */
public final class MachineSimulator {

    /** A step changes the temperature by [-0.25, 1.25): half a degree up on average. */
    private static final double STEP_DOWN = 0.25;

    private static final double STEP_SPAN = 1.5;

    /** How far readings at the maximum and the room's temperature wander, either side. */
    private static final double JITTER = 0.5;

    /** How far high-rate samples spread around the machine state of the reading they belong to. */
    private static final double SAMPLE_SPREAD = 0.1;

    private final SensorProperties.Machine machine;
    private final SensorProperties.Ambient ambient;
    private final RandomGenerator random;
    private final Clock clock;

    /** Where the ramp is; a reading at the maximum adds jitter on top. */
    private double rampTemperature;

    /**
     * @param machine the machine's ranges
     * @param ambient the room's settings
     * @param random the source of noise
     * @param clock the time samples are taken at
     */
    public MachineSimulator(
            SensorProperties.Machine machine,
            SensorProperties.Ambient ambient,
            RandomGenerator random,
            Clock clock) {
        this.machine = machine;
        this.ambient = ambient;
        this.random = random;
        this.clock = clock;
        this.rampTemperature = machine.temperatureMin();
    }

    /**
     * Advances the machine by one step and measures it.
     *
     * @return the sample, taken now
     */
    public synchronized Sample next() {
        rampTemperature =
                Math.min(
                        machine.temperatureMax(),
                        Math.max(
                                machine.temperatureMin(),
                                rampTemperature - STEP_DOWN + random.nextDouble() * STEP_SPAN));
        double temperature =
                rampTemperature < machine.temperatureMax()
                        ? rampTemperature
                        : machine.temperatureMax() + jitter(JITTER);
        return measure(clock.instant(), temperature);
    }

    /**
     * Cools the machine back to the start of its ramp.
     *
     * @return the temperature the ramp starts from again
     */
    public synchronized double reset() {
        rampTemperature = machine.temperatureMin();
        return rampTemperature;
    }

    /**
     * Samples at a higher rate than readings: what a raw data file of the last interval holds.
     *
     * @param around the reading the samples lead up to
     * @param span how long before {@code around} the first sample was taken
     * @param count how many samples, evenly spaced, the last one at {@code around}'s time
     * @return the samples, oldest first
     */
    public synchronized List<Sample> highRateSamples(Sample around, Duration span, int count) {
        List<Sample> samples = new ArrayList<>(count);
        long spanNanos = span.toNanos();
        for (int i = 1; i <= count; i++) {
            Instant time = around.time().minusNanos(spanNanos - spanNanos * i / count);
            samples.add(measure(time, around.machineTemperature() + jitter(SAMPLE_SPREAD)));
        }
        return samples;
    }

    private Sample measure(Instant time, double machineTemperature) {
        return new Sample(
                time,
                machineTemperature,
                pressureAt(machineTemperature),
                ambient.temperature() + jitter(JITTER),
                ambient.humidity() + random.nextInt(-1, 2));
    }

    /**
     * @param machineTemperature a temperature of the machine
     * @return the pressure that goes with it: the pressure range mapped onto the temperature range
     */
    public double pressureAt(double machineTemperature) {
        double perDegree =
                (machine.pressureMax() - machine.pressureMin())
                        / (machine.temperatureMax() - machine.temperatureMin());
        return machine.pressureMin() + (machineTemperature - machine.temperatureMin()) * perDegree;
    }

    private double jitter(double halfWidth) {
        return (random.nextDouble() * 2 - 1) * halfWidth;
    }
}
