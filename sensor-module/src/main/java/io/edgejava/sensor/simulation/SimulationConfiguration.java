package io.edgejava.sensor.simulation;

import io.edgejava.sensor.SensorProperties;
import java.time.Clock;
import java.util.random.RandomGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SimulationConfiguration {

    @Bean
    MachineSimulator machineSimulator(
            SensorProperties properties, RandomGenerator machineNoise, Clock clock) {
        return new MachineSimulator(
                properties.machine(), properties.ambient(), machineNoise, clock);
    }
}
