package io.edgejava.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The settings bind without application.yml, as when all modules run in one JVM. */
class FilterPropertiesBindingTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(FilterProperties.class)
    static class Settings {}

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void theDefaultThresholdIs25WithoutAnyApplicationYml() {
        context.run(
                started ->
                        assertThat(started.getBean(FilterProperties.class).temperatureThreshold())
                                .isEqualTo(25.0));
    }

    @Test
    void theEnvironmentVariableOfTheReadmeSetsIt() {
        context.withInitializer(
                        started ->
                                started.getEnvironment()
                                        .getPropertySources()
                                        .addFirst(
                                                new SystemEnvironmentPropertySource(
                                                        StandardEnvironment
                                                                .SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                                        Map.of(
                                                                "FILTER_TEMPERATURE_THRESHOLD",
                                                                "31.5"))))
                .run(
                        started ->
                                assertThat(
                                                started.getBean(FilterProperties.class)
                                                        .temperatureThreshold())
                                        .isEqualTo(31.5));
    }

    @Test
    void aThresholdThatIsNotFiniteStopsStartUpNamingTheSettingAndItsVariable() {
        context.withPropertyValues("filter.temperature-threshold=NaN")
                .run(
                        started ->
                                assertThat(started)
                                        .getFailure()
                                        .rootCause()
                                        .hasMessageContaining(
                                                "filter.temperature-threshold"
                                                        + " (FILTER_TEMPERATURE_THRESHOLD)"));
    }
}
