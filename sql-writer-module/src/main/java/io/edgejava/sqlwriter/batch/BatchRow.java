package io.edgejava.sqlwriter.batch;

import java.time.Instant;

/**
 * One row of a batch file.
 *
 * @param time when the sample was taken
 * @param machineTemperature °C
 * @param machinePressure the machine's pressure
 * @param ambientTemperature °C
 * @param ambientHumidity %
 */
record BatchRow(
        Instant time,
        double machineTemperature,
        double machinePressure,
        double ambientTemperature,
        int ambientHumidity) {}
