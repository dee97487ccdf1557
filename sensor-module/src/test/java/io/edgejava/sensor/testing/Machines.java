package io.edgejava.sensor.testing;

import io.edgejava.sensor.SensorProperties;
import io.edgejava.sensor.simulation.MachineSimulator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.random.RandomGeneratorFactory;

/** Simulated machines with the default settings, a fixed clock and a seeded generator. */
public final class Machines {

    public static final Instant NOW = Instant.parse("2025-06-01T10:00:00.123Z");

    public static final SensorProperties.Machine MACHINE =
            new SensorProperties.Machine(21, 100, 1, 10);

    public static final SensorProperties.Ambient AMBIENT = new SensorProperties.Ambient(21, 25);

    private Machines() {}

    public static Clock fixedClock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    public static MachineSimulator seeded(long seed) {
        return new MachineSimulator(
                MACHINE,
                AMBIENT,
                RandomGeneratorFactory.of("L64X128MixRandom").create(seed),
                fixedClock());
    }
}
