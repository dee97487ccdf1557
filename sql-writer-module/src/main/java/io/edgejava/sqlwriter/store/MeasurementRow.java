package io.edgejava.sqlwriter.store;

import java.time.Instant;

/**
 * One row of the {@code measurements} table: one place (the machine or the ambient air) at one
 * time, as in Microsoft's IoT Edge SQL tutorial.
 *
 * @param time when the sample was taken
 * @param location {@link #MACHINE} or {@link #AMBIENT}
 * @param temperature °C
 * @param pressure the machine's pressure; {@code null} on an ambient row
 * @param humidity the ambient humidity in %; {@code null} on a machine row
 * @param messageId with {@code location}, the key that makes a redelivery write nothing
 * @param sourceModule the module that sent the message, as the hub stamped it; {@code null} when
 *     the hub gave none
 * @param batchFile the batch file the row came from; {@code null} for a reading
 */
public record MeasurementRow(
        Instant time,
        String location,
        double temperature,
        Double pressure,
        Integer humidity,
        String messageId,
        String sourceModule,
        String batchFile) {

    public static final String MACHINE = "machine";

    public static final String AMBIENT = "ambient";
}
