package io.edgejava.caller;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The settings bind without application.yml, as when all modules run in one JVM. */
class CallerPropertiesTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(CallerProperties.class)
    static class Settings {}

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void theDefaultsOfTheReadmeBindWithoutAnyApplicationYml() {
        context.run(
                started -> {
                    CallerProperties settings = started.getBean(CallerProperties.class);
                    assertThat(settings.alerts())
                            .isEqualTo(new CallerProperties.Alerts(5, Duration.ofSeconds(60)));
                    assertThat(settings.reset())
                            .isEqualTo(
                                    new CallerProperties.Reset(
                                            "sensor-module",
                                            "Reset",
                                            Duration.ofSeconds(10),
                                            "sensorControl"));
                    assertThat(settings.stats())
                            .isEqualTo(
                                    new CallerProperties.Stats(
                                            List.of("filter-module", "sql-writer-module"),
                                            "GetStats",
                                            Duration.ofSeconds(30),
                                            Duration.ofSeconds(10)));
                });
    }

    @Test
    void theEnvironmentVariablesOfTheReadmeSetThem() {
        context.withInitializer(
                        started ->
                                started.getEnvironment()
                                        .getPropertySources()
                                        .addFirst(
                                                new SystemEnvironmentPropertySource(
                                                        StandardEnvironment
                                                                .SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                                        Map.of(
                                                                "CALLER_ALERTS_THRESHOLD", "3",
                                                                "CALLER_ALERTS_WINDOW", "20s",
                                                                "CALLER_RESET_MODULE", "pump",
                                                                "CALLER_RESET_METHOD", "Restart",
                                                                "CALLER_RESET_TIMEOUT", "5s",
                                                                "CALLER_RESET_FALLBACKOUTPUT",
                                                                        "pumpControl",
                                                                "CALLER_STATS_MODULES", "a,b,c",
                                                                "CALLER_STATS_METHOD", "Stats",
                                                                "CALLER_STATS_INTERVAL", "1m",
                                                                "CALLER_STATS_TIMEOUT", "2s"))))
                .run(
                        started -> {
                            CallerProperties settings = started.getBean(CallerProperties.class);
                            assertThat(settings.alerts())
                                    .isEqualTo(
                                            new CallerProperties.Alerts(3, Duration.ofSeconds(20)));
                            assertThat(settings.reset())
                                    .isEqualTo(
                                            new CallerProperties.Reset(
                                                    "pump",
                                                    "Restart",
                                                    Duration.ofSeconds(5),
                                                    "pumpControl"));
                            assertThat(settings.stats())
                                    .isEqualTo(
                                            new CallerProperties.Stats(
                                                    List.of("a", "b", "c"),
                                                    "Stats",
                                                    Duration.ofMinutes(1),
                                                    Duration.ofSeconds(2)));
                        });
    }

    @Test
    void aWrongSettingStopsStartUpNamingTheSettingAndItsVariable() {
        Map<String, String> wrong =
                Map.of(
                        "caller.alerts.threshold=0",
                        "caller.alerts.threshold (CALLER_ALERTS_THRESHOLD)",
                        "caller.alerts.window=0s",
                        "caller.alerts.window (CALLER_ALERTS_WINDOW)",
                        "caller.reset.timeout=500ms",
                        "caller.reset.timeout (CALLER_RESET_TIMEOUT)",
                        "caller.stats.interval=10ms",
                        "caller.stats.interval (CALLER_STATS_INTERVAL)",
                        "caller.stats.modules=",
                        "caller.stats.modules (CALLER_STATS_MODULES)");
        wrong.forEach(
                (setting, named) ->
                        context.withPropertyValues(setting)
                                .run(
                                        started ->
                                                assertThat(started)
                                                        .as(setting)
                                                        .getFailure()
                                                        .rootCause()
                                                        .hasMessageContaining(named)));
    }
}
