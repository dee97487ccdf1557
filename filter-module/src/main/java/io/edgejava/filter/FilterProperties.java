package io.edgejava.filter;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * filter-module's settings, under the prefix {@code filter}.
 *
 * @param temperatureThreshold the threshold in °C until the twin's desired {@code
 *     TemperatureThreshold} or the direct method {@code SetThreshold} sets another one
 */
@Validated
@ConfigurationProperties("filter")
record FilterProperties(
        @NotNull(
                        message =
                                "set filter.temperature-threshold (FILTER_TEMPERATURE_THRESHOLD) to"
                                        + " a temperature in °C")
                @DefaultValue("25")
                Double temperatureThreshold) {

    // Spring binds "NaN" and "Infinity" to a Double; a threshold like that would never forward.
    @AssertTrue(
            message =
                    "filter.temperature-threshold (FILTER_TEMPERATURE_THRESHOLD) must be a finite"
                            + " number of °C")
    boolean isTemperatureThresholdFinite() {
        return temperatureThreshold == null || Double.isFinite(temperatureThreshold);
    }
}
