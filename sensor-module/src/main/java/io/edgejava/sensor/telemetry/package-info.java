/**
 * The readings: a {@link io.edgejava.sensor.telemetry.Reading} every interval on output {@code
 * temperatureOutput}, in the shape of Microsoft's SimulatedTemperatureSensor, steered live by the
 * twin's desired {@code SendData} and {@code SendInterval}, which are reported back as in effect.
 */
package io.edgejava.sensor.telemetry;
