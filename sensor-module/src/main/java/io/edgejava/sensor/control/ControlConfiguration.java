package io.edgejava.sensor.control;

import io.edgejava.edge.EdgeHub;
import io.edgejava.sensor.simulation.MachineSimulator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class ControlConfiguration {

    @Bean
    MachineReset machineReset(MachineSimulator machine) {
        return new MachineReset(machine);
    }

    @Bean
    IntegrationFlow controlFlow(MachineReset reset, EdgeHub hub, JsonMapper json) {
        return reset.controlFlow(hub, json);
    }
}
