package io.edgejava.caller;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * direct-method-caller's settings, under the prefix {@code caller}; each one can be set by the
 * environment variable named in its message ({@code CALLER_ALERTS_THRESHOLD}, ...).
 *
 * @param alerts when a burst of alerts resets the sensor
 * @param reset the call that resets the sensor, and its fallback
 * @param stats the scheduled stats calls
 */
@Validated
@ConfigurationProperties("caller")
record CallerProperties(
        @Valid @NotNull @DefaultValue Alerts alerts,
        @Valid @NotNull @DefaultValue Reset reset,
        @Valid @NotNull @DefaultValue Stats stats) {

    /**
     * @param threshold how many alerts within {@code window} reset the sensor
     * @param window how long alerts count towards {@code threshold}
     */
    record Alerts(
            @Min(
                            value = 1,
                            message =
                                    "caller.alerts.threshold (CALLER_ALERTS_THRESHOLD) must be 1 or"
                                            + " more alerts")
                    @DefaultValue("5")
                    int threshold,
            @NotNull(message = "set caller.alerts.window (CALLER_ALERTS_WINDOW), for example 60s")
                    @DurationMin(
                            millis = 1,
                            message =
                                    "caller.alerts.window (CALLER_ALERTS_WINDOW) must be longer"
                                            + " than 0, for example 60s")
                    @DefaultValue("60s")
                    Duration window) {}

    /**
     * @param module the module to reset
     * @param method its direct method that resets it
     * @param timeout how long to wait for its answer
     * @param fallbackOutput the output for the control message sent when the module is away
     */
    record Reset(
            @NotBlank(message = "set caller.reset.module (CALLER_RESET_MODULE) to a module id")
                    @DefaultValue("sensor-module")
                    String module,
            @NotBlank(message = "set caller.reset.method (CALLER_RESET_METHOD) to a method name")
                    @DefaultValue("Reset")
                    String method,
            @NotNull(message = "set caller.reset.timeout (CALLER_RESET_TIMEOUT), for example 10s")
                    @DurationMin(
                            seconds = 1,
                            message =
                                    "caller.reset.timeout (CALLER_RESET_TIMEOUT) must be 1s or"
                                            + " more")
                    @DefaultValue("10s")
                    Duration timeout,
            @NotBlank(
                            message =
                                    "set caller.reset.fallback-output"
                                            + " (CALLER_RESET_FALLBACKOUTPUT) to an output name")
                    @DefaultValue("sensorControl")
                    String fallbackOutput) {}

    /**
     * @param modules the modules asked for their stats
     * @param method the method that answers stats
     * @param interval how often
     * @param timeout how long to wait for each answer
     */
    record Stats(
            @NotEmpty(
                            message =
                                    "set caller.stats.modules (CALLER_STATS_MODULES) to one or more"
                                            + " module ids, comma-separated")
                    @DefaultValue({"filter-module", "sql-writer-module"})
                    List<@NotBlank String> modules,
            @NotBlank(message = "set caller.stats.method (CALLER_STATS_METHOD) to a method name")
                    @DefaultValue("GetStats")
                    String method,
            @NotNull(message = "set caller.stats.interval (CALLER_STATS_INTERVAL), for example 30s")
                    @DurationMin(
                            millis = 100,
                            message =
                                    "caller.stats.interval (CALLER_STATS_INTERVAL) must be 100ms or"
                                            + " more")
                    @DefaultValue("30s")
                    Duration interval,
            @NotNull(message = "set caller.stats.timeout (CALLER_STATS_TIMEOUT), for example 10s")
                    @DurationMin(
                            seconds = 1,
                            message =
                                    "caller.stats.timeout (CALLER_STATS_TIMEOUT) must be 1s or"
                                            + " more")
                    @DefaultValue("10s")
                    Duration timeout) {}
}
