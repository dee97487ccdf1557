/**
 * sensor-module: a simulated machine that sends readings through the hub's routes (output {@code
 * temperatureOutput}), shares raw batch files through a folder with a claim-check message (output
 * {@code batchOutput}), is steered by its twin ({@code SendData}, {@code SendInterval}) and reset
 * by a direct method ({@code Reset}) or a message on input {@code control}.
 *
 * <p>{@link io.edgejava.sensor.SensorProperties} holds its settings.
 */
package io.edgejava.sensor;
