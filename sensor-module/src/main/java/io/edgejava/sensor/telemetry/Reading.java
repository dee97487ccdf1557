package io.edgejava.sensor.telemetry;

import io.edgejava.edge.EdgeHeaders;
import io.edgejava.edge.EdgeJson;
import io.edgejava.sensor.simulation.Sample;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;

/**
 * The message on output {@code temperatureOutput}, in the shape of Microsoft's
 * SimulatedTemperatureSensor, so that anything written for that module reads it unchanged:
 *
 * <pre>
 * {"machine":{"temperature":42.1,"pressure":3.4},"ambient":{"temperature":21.2,"humidity":25},
 *  "timeCreated":"2025-01-01T10:00:00.123Z"}
 * </pre>
 *
 * @param machine the machine's state
 * @param ambient the room's state
 * @param timeCreated when it was measured, UTC
 */
record Reading(Machine machine, Ambient ambient, Instant timeCreated) {

    /** The application property that numbers readings 1, 2, ... within a run of the sensor. */
    static final String SEQUENCE_NUMBER = "sequenceNumber";

    /** The application property that names the run of the sensor, one UUID per run. */
    static final String BATCH_ID = "batchId";

    /**
     * @param temperature °C
     * @param pressure psi
     */
    record Machine(double temperature, double pressure) {}

    /**
     * @param temperature °C
     * @param humidity %
     */
    record Ambient(double temperature, int humidity) {}

    static Reading of(Sample sample) {
        return new Reading(
                new Machine(sample.machineTemperature(), sample.machinePressure()),
                new Ambient(sample.ambientTemperature(), sample.ambientHumidity()),
                sample.time());
    }

    /**
     * The hub message: JSON with content type and encoding (unlike the original, which omits them
     * and so is invisible to {@code $body} route conditions), a fresh message id, and the sequence
     * number and run id as application properties.
     */
    Message<byte[]> toMessage(EdgeJson json, long sequence, String batchId) {
        return MessageBuilder.fromMessage(
                        json.message(
                                this,
                                Map.of(
                                        SEQUENCE_NUMBER,
                                        Long.toString(sequence),
                                        BATCH_ID,
                                        batchId)))
                .setHeader(EdgeHeaders.MESSAGE_ID, UUID.randomUUID().toString())
                .setHeader(EdgeHeaders.CREATION_TIME_UTC, timeCreated.toString())
                .build();
    }
}
