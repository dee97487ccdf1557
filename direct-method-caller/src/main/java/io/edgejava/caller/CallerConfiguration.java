package io.edgejava.caller;

import io.edgejava.edge.EdgeHub;
import io.edgejava.edge.EdgeJson;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.scheduling.TaskScheduler;
import tools.jackson.databind.json.JsonMapper;

/** The module's parts, and the flow that reads alerts. */
@Configuration(proxyBeanMethods = false)
class CallerConfiguration {

    /** As in the routes {@code alertsToCaller} and {@code callerToSensorControl}. */
    static final String ALERTS_INPUT = "alerts";

    @Bean
    MethodCaller methodCaller(EdgeHub hub, JsonMapper json, MeterRegistry meters) {
        return new MethodCaller(hub, json, meters);
    }

    @Bean
    SensorReset sensorReset(
            MethodCaller caller,
            CallerProperties settings,
            EdgeHub hub,
            EdgeJson json,
            MeterRegistry meters) {
        return new SensorReset(
                caller,
                settings.reset(),
                hub.output(settings.reset().fallbackOutput()),
                json,
                meters);
    }

    @Bean
    IntegrationFlow alertsToCoolDown(
            EdgeHub hub,
            CallerProperties settings,
            SensorReset reset,
            JsonMapper json,
            MeterRegistry meters) {
        AlertWindow window =
                new AlertWindow(
                        settings.alerts().threshold(),
                        settings.alerts().window(),
                        Clock.systemUTC());
        return IntegrationFlow.from(hub.input(ALERTS_INPUT))
                .handle(new MachineCoolDown(window, settings.alerts(), reset, json, meters))
                .get();
    }

    @Bean
    StatsPoller statsPoller(
            MethodCaller caller, CallerProperties settings, TaskScheduler scheduler) {
        return new StatsPoller(caller, settings.stats(), scheduler);
    }
}
