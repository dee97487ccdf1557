package io.edgejava.filter;

import io.edgejava.edge.EdgeHub;
import io.edgejava.edge.runtime.EdgeProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import tools.jackson.databind.json.JsonMapper;

/** The module's parts, and the flow from input {@code input1} to output {@code output1}. */
@Configuration(proxyBeanMethods = false)
class FilterConfiguration {

    /** Names as in the routes of the deployment manifest. */
    static final String INPUT = "input1";

    static final String OUTPUT = "output1";

    @Bean
    TemperatureThreshold temperatureThreshold(FilterProperties settings, EdgeHub hub) {
        return new TemperatureThreshold(settings.temperatureThreshold(), hub);
    }

    @Bean
    FilterStats filterStats() {
        return new FilterStats();
    }

    @Bean
    ThresholdFromTwin thresholdFromTwin(TemperatureThreshold threshold) {
        return new ThresholdFromTwin(threshold);
    }

    @Bean
    FilterMethods filterMethods(
            TemperatureThreshold threshold, FilterStats stats, JsonMapper json) {
        return new FilterMethods(threshold, stats, json);
    }

    @Bean
    IntegrationFlow temperatureAlerts(
            EdgeHub hub,
            EdgeProperties edge,
            JsonMapper json,
            TemperatureThreshold threshold,
            FilterStats stats) {
        return IntegrationFlow.from(hub.input(INPUT))
                .handle(
                        new AlertForwarder(
                                new TemperatureFilter(json),
                                threshold::current,
                                stats,
                                hub.output(OUTPUT),
                                edge.delivery().maxAttempts()))
                .get();
    }

    /**
     * Reports the threshold once the module is connected, before any desired properties arrive: the
     * twin then shows the value in effect even when the desired properties have none.
     */
    @Bean
    ApplicationListener<ApplicationReadyEvent> reportThresholdAtStartUp(
            TemperatureThreshold threshold) {
        return event -> threshold.report();
    }
}
