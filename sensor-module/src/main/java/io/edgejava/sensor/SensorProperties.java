package io.edgejava.sensor;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The sensor's settings, under the prefix {@code sensor}; each can be set by the environment
 * variable named beside it (the same name in compose and in the deployment manifest).
 *
 * <p>The defaults live here rather than in application.yml: the pipeline test runs every module in
 * one JVM, where another module's application.yml could shadow this one's.
 *
 * @param messageCount how many readings to send before stopping; {@code -1} sends without end
 * @param sendInterval the pause between two readings, until the twin's {@code SendInterval} says
 *     otherwise
 * @param sendData whether readings are sent, until the twin's {@code SendData} says otherwise
 * @param machine the simulated machine
 * @param ambient the simulated room around it
 * @param batch the raw batch files shared through a folder
 */
@Validated
@ConfigurationProperties("sensor")
public record SensorProperties(
        @Min(
                        value = -1,
                        message =
                                "sensor.message-count (SENSOR_MESSAGE_COUNT) must be -1 (no limit) or"
                                        + " a count of readings")
                @DefaultValue("-1")
                long messageCount,
        @NotNull(message = "set sensor.send-interval (SENSOR_SEND_INTERVAL), for example 5s")
                @DefaultValue("5s")
                Duration sendInterval,
        @DefaultValue("true") boolean sendData,
        @Valid @NotNull @DefaultValue Machine machine,
        @Valid @NotNull @DefaultValue Ambient ambient,
        @Valid @NotNull @DefaultValue Batch batch) {

    /**
     * The most samples one batch file may hold: the file is built in memory first, and a reader
     * loads it in one transaction.
     */
    public static final int MAX_BATCH_ROWS = 100_000;

    /**
     * @return whether the send interval is positive
     */
    @AssertTrue(
            message =
                    "sensor.send-interval (SENSOR_SEND_INTERVAL) must be positive, for example 5s")
    public boolean isSendIntervalPositive() {
        return sendInterval == null || (!sendInterval.isZero() && !sendInterval.isNegative());
    }

    /**
     * The simulated machine: its temperature ramps from the minimum towards the maximum, and its
     * pressure follows the temperature within its own range.
     *
     * @param temperatureMin where the temperature ramp starts, °C
     * @param temperatureMax where the ramp levels off, °C
     * @param pressureMin the pressure at the minimum temperature, psi
     * @param pressureMax the pressure at the maximum temperature, psi
     */
    public record Machine(
            @DefaultValue("21") double temperatureMin,
            @DefaultValue("100") double temperatureMax,
            @DefaultValue("1") double pressureMin,
            @DefaultValue("10") double pressureMax) {

        /**
         * @return whether the temperature range is not empty
         */
        @AssertTrue(
                message =
                        "sensor.machine.temperature-max (SENSOR_MACHINE_TEMPERATURE_MAX) must be"
                                + " above sensor.machine.temperature-min"
                                + " (SENSOR_MACHINE_TEMPERATURE_MIN)")
        public boolean isTemperatureRangeValid() {
            return temperatureMax > temperatureMin;
        }

        /**
         * @return whether the pressure range is not reversed
         */
        @AssertTrue(
                message =
                        "sensor.machine.pressure-max (SENSOR_MACHINE_PRESSURE_MAX) must not be"
                                + " below sensor.machine.pressure-min"
                                + " (SENSOR_MACHINE_PRESSURE_MIN)")
        public boolean isPressureRangeValid() {
            return pressureMax >= pressureMin;
        }
    }

    /**
     * The room around the machine: both values vary a little around these.
     *
     * @param temperature the ambient temperature, °C
     * @param humidity the ambient humidity, %
     */
    public record Ambient(
            @DefaultValue("21") double temperature,
            @Min(
                            value = 0,
                            message =
                                    "sensor.ambient.humidity (SENSOR_AMBIENT_HUMIDITY) must be a"
                                            + " percentage from 0 to 100")
                    @Max(
                            value = 100,
                            message =
                                    "sensor.ambient.humidity (SENSOR_AMBIENT_HUMIDITY) must be a"
                                            + " percentage from 0 to 100")
                    @DefaultValue("25")
                    int humidity) {

        /**
         * Spring binds "NaN" and "Infinity" to a double, and a reading cannot carry either as JSON.
         *
         * @return whether the ambient temperature is a finite number
         */
        @AssertTrue(
                message =
                        "sensor.ambient.temperature (SENSOR_AMBIENT_TEMPERATURE) must be a finite"
                                + " number of °C")
        public boolean isTemperatureFinite() {
            return Double.isFinite(temperature);
        }
    }

    /**
     * Raw batch files: every {@code every} readings the sensor writes {@code rows} high-rate
     * samples of the last interval into {@code folder} and sends only a claim check for the file.
     *
     * @param enabled whether batch files are written at all
     * @param folder the folder shared with sql-writer-module, created at start-up if missing
     * @param every how many readings between two batch files
     * @param rows samples per file
     */
    public record Batch(
            @DefaultValue("true") boolean enabled,
            @NotBlank(
                            message =
                                    "set sensor.batch.folder (SENSOR_BATCH_FOLDER) to the folder"
                                            + " shared with sql-writer-module")
                    @DefaultValue("shared-batches")
                    String folder,
            @Min(
                            value = 1,
                            message =
                                    "sensor.batch.every (SENSOR_BATCH_EVERY) must be at least 1"
                                            + " reading")
                    @DefaultValue("10")
                    int every,
            @Min(
                            value = 1,
                            message =
                                    "sensor.batch.rows (SENSOR_BATCH_ROWS) must be from 1 to "
                                            + MAX_BATCH_ROWS
                                            + " rows")
                    @Max(
                            value = MAX_BATCH_ROWS,
                            message =
                                    "sensor.batch.rows (SENSOR_BATCH_ROWS) must be from 1 to "
                                            + MAX_BATCH_ROWS
                                            + " rows")
                    @DefaultValue("1000")
                    int rows) {}
}
