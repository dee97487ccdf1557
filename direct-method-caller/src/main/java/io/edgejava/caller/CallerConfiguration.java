package io.edgejava.caller;

import io.edgejava.edge.EdgeHub;
import io.edgejava.edge.EdgeJson;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** The module's parts, and the flow that reads alerts. */
@Configuration(proxyBeanMethods = false)
class CallerConfiguration {

    /** As in the route {@code alertsToCaller}, which brings filter-module's alerts here. */
    static final String ALERTS_INPUT = "alerts";

    /** Longer than the longest call {@code POST /invoke} accepts, so that the call ends first. */
    static final Duration ASYNC_REQUEST_TIMEOUT =
            Duration.ofSeconds(InvokeController.MAX_TIMEOUT_SECONDS + 30);

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

    /**
     * Lets {@code POST /invoke} wait as long as its longest {@code timeoutSeconds}, and a margin,
     * before the servlet container gives up on the request: otherwise the container's own default
     * (30 s on Tomcat) answers a slow call with a bare 503 before the call's 504 JSON. Set here,
     * not in application.yml, so it holds wherever the module runs (one JVM with other modules, a
     * test).
     */
    @Bean
    WebMvcConfigurer slowCallsWaitForTheirTimeout() {
        return new WebMvcConfigurer() {
            @Override
            public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
                configurer.setDefaultTimeout(ASYNC_REQUEST_TIMEOUT.toMillis());
            }
        };
    }

    @Bean
    StatsPoller statsPoller(
            MethodCaller caller, CallerProperties settings, TaskScheduler scheduler) {
        return new StatsPoller(caller, settings.stats(), scheduler);
    }
}
