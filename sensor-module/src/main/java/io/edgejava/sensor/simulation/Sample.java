package io.edgejava.sensor.simulation;

import java.time.Instant;

/**
 * What the sensor measured at one instant.
 *
 * @param time when
 * @param machineTemperature the machine's temperature, °C
 * @param machinePressure the machine's pressure, psi
 * @param ambientTemperature the room's temperature, °C
 * @param ambientHumidity the room's humidity, %
 */
public record Sample(
        Instant time,
        double machineTemperature,
        double machinePressure,
        double ambientTemperature,
        int ambientHumidity) {}
