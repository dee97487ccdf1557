package io.edgejava.sensor.batch;

import io.edgejava.edge.EdgeHub;
import io.edgejava.edge.EdgeJson;
import io.edgejava.sensor.SensorProperties;
import io.edgejava.sensor.simulation.MachineSimulator;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BatchConfiguration {

    @Bean
    BatchPublisher batchPublisher(
            SensorProperties properties,
            MachineSimulator machine,
            EdgeHub hub,
            EdgeJson json,
            Clock clock) {
        return new BatchPublisher(properties.batch(), machine, hub, json, clock);
    }
}
