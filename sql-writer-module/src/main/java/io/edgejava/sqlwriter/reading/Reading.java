package io.edgejava.sqlwriter.reading;

import java.time.Instant;

/**
 * A reading as the sensor sends it and the filter forwards it: {@code
 * {"machine":{"temperature":..,"pressure":..},"ambient":{"temperature":..,"humidity":..},"timeCreated":".."}}.
 *
 * @param machineTemperature °C
 * @param machinePressure the machine's pressure
 * @param ambientTemperature °C
 * @param ambientHumidity %
 * @param timeCreated when the sensor took it
 */
record Reading(
        double machineTemperature,
        double machinePressure,
        double ambientTemperature,
        int ambientHumidity,
        Instant timeCreated) {}
