package io.edgejava.sensor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A simulated machine sensor: readings like Microsoft's SimulatedTemperatureSensor, and raw batch
 * files shared through a host volume with a claim-check message.
 */
@SpringBootApplication
public class SensorModuleApplication {

    public static void main(String[] args) {
        SpringApplication.run(SensorModuleApplication.class, args);
    }
}
