package io.edgejava.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class SensorPropertiesTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SensorProperties.class)
    static class Settings {}

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void theDefaultsAreThoseOfSimulatedTemperatureSensorWithoutAnyApplicationYml() {
        context.run(
                started -> {
                    SensorProperties settings = started.getBean(SensorProperties.class);
                    assertThat(settings.messageCount()).isEqualTo(-1);
                    assertThat(settings.sendInterval()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(settings.sendData()).isTrue();
                    assertThat(settings.machine())
                            .isEqualTo(new SensorProperties.Machine(21, 100, 1, 10));
                    assertThat(settings.ambient()).isEqualTo(new SensorProperties.Ambient(21, 25));
                    assertThat(settings.batch())
                            .isEqualTo(
                                    new SensorProperties.Batch(true, "shared-batches", 10, 1000));
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
                                                                "SENSOR_MESSAGE_COUNT", "3",
                                                                "SENSOR_SEND_INTERVAL", "2s",
                                                                "SENSOR_SEND_DATA", "false",
                                                                "SENSOR_MACHINE_TEMPERATURE_MAX",
                                                                        "90",
                                                                "SENSOR_AMBIENT_HUMIDITY", "40",
                                                                "SENSOR_BATCH_FOLDER", "/shared",
                                                                "SENSOR_BATCH_EVERY", "5",
                                                                "SENSOR_BATCH_ROWS", "100",
                                                                "SENSOR_BATCH_ENABLED", "false"))))
                .run(
                        started -> {
                            SensorProperties settings = started.getBean(SensorProperties.class);
                            assertThat(settings.messageCount()).isEqualTo(3);
                            assertThat(settings.sendInterval()).isEqualTo(Duration.ofSeconds(2));
                            assertThat(settings.sendData()).isFalse();
                            assertThat(settings.machine().temperatureMax()).isEqualTo(90);
                            assertThat(settings.ambient().humidity()).isEqualTo(40);
                            assertThat(settings.batch())
                                    .isEqualTo(
                                            new SensorProperties.Batch(false, "/shared", 5, 100));
                        });
    }

    @Test
    void aWrongSettingStopsStartUpNamingTheSettingAndItsVariable() {
        Map<String, String> wrong =
                Map.of(
                        "sensor.send-interval=0s", "sensor.send-interval (SENSOR_SEND_INTERVAL)",
                        "sensor.message-count=-2", "sensor.message-count (SENSOR_MESSAGE_COUNT)",
                        "sensor.machine.temperature-max=10",
                                "sensor.machine.temperature-max (SENSOR_MACHINE_TEMPERATURE_MAX)",
                        "sensor.batch.every=0", "sensor.batch.every (SENSOR_BATCH_EVERY)",
                        "sensor.batch.folder=", "sensor.batch.folder (SENSOR_BATCH_FOLDER)",
                        "sensor.batch.rows=100001", "sensor.batch.rows (SENSOR_BATCH_ROWS)",
                        "sensor.ambient.humidity=101",
                                "sensor.ambient.humidity (SENSOR_AMBIENT_HUMIDITY)",
                        "sensor.ambient.temperature=NaN",
                                "sensor.ambient.temperature (SENSOR_AMBIENT_TEMPERATURE)");
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
