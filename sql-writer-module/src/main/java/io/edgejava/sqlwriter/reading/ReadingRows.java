package io.edgejava.sqlwriter.reading;

import io.edgejava.sqlwriter.store.MeasurementRow;
import java.util.List;

/**
 * How a reading becomes rows, as in Microsoft's IoT Edge SQL tutorial: one for the machine and one
 * for the ambient air, at the reading's time.
 */
final class ReadingRows {

    private ReadingRows() {}

    /**
     * @param reading the reading
     * @param messageId its message id, the key that makes a redelivery write nothing
     * @param sourceModule the module that sent it, as the hub stamped it
     * @return the machine row (with the pressure), then the ambient row (with the humidity)
     */
    static List<MeasurementRow> of(Reading reading, String messageId, String sourceModule) {
        return List.of(
                new MeasurementRow(
                        reading.timeCreated(),
                        MeasurementRow.MACHINE,
                        reading.machineTemperature(),
                        reading.machinePressure(),
                        null,
                        messageId,
                        sourceModule,
                        null),
                new MeasurementRow(
                        reading.timeCreated(),
                        MeasurementRow.AMBIENT,
                        reading.ambientTemperature(),
                        null,
                        reading.ambientHumidity(),
                        messageId,
                        sourceModule,
                        null));
    }
}
