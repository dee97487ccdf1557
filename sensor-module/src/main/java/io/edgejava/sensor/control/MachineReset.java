package io.edgejava.sensor.control;

import io.edgejava.edge.DirectMethod;
import io.edgejava.edge.EdgeHub;
import io.edgejava.sensor.simulation.MachineSimulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.dsl.IntegrationFlow;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two ways to restart the machine's temperature ramp: the direct method {@code Reset}, which
 * needs the sensor online and answers at once, and a {@code {"command":"reset"}} message on input
 * {@code control}, which the hub keeps for a sensor that is away.
 */
final class MachineReset {

    /** The input control messages arrive on; the route {@code callerToSensorControl} feeds it. */
    static final String CONTROL_INPUT = "control";

    private static final Logger log = LoggerFactory.getLogger(MachineReset.class);

    private final MachineSimulator machine;

    MachineReset(MachineSimulator machine) {
        this.machine = machine;
    }

    /**
     * The answer of {@code Reset}.
     *
     * @param reset always true: the ramp restarted
     * @param machineTemperature the temperature the ramp starts from again, °C
     */
    record ResetAnswer(boolean reset, double machineTemperature) {}

    @DirectMethod("Reset")
    ResetAnswer resetMethod() {
        double start = machine.reset();
        log.info("Reset by direct method: machine temperature back to {} °C", start);
        return new ResetAnswer(true, start);
    }

    IntegrationFlow controlFlow(EdgeHub hub, JsonMapper json) {
        return IntegrationFlow.from(hub.input(CONTROL_INPUT))
                .handle(
                        byte[].class,
                        (body, headers) -> {
                            apply(ControlCommand.parse(body, json));
                            return null;
                        })
                .get();
    }

    private void apply(ControlCommand command) {
        switch (command) {
            case RESET -> {
                double start = machine.reset();
                log.info("Reset by control message: machine temperature back to {} °C", start);
            }
        }
    }
}
