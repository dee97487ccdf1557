package io.edgejava.sensor;

import java.time.Clock;
import java.util.random.RandomGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * A simulated machine sensor: readings like Microsoft's SimulatedTemperatureSensor, and raw batch
 * files shared through a host volume with a claim-check message.
 */
@SpringBootApplication
@EnableConfigurationProperties(SensorProperties.class)
public class SensorModuleApplication {

    public static void main(String[] args) {
        SpringApplication.run(SensorModuleApplication.class, args);
    }

    /** Beans rather than statics, so that unit tests can fix time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** A bean so that unit tests can pass a seeded generator and get the same machine each run. */
    @Bean
    RandomGenerator machineNoise() {
        return RandomGenerator.getDefault();
    }
}
