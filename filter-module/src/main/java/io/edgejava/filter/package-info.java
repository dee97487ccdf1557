/**
 * filter-module: reads the sensor's readings on input {@code input1} and forwards, on output {@code
 * output1}, only those whose machine temperature is above a threshold, marked {@code MessageType:
 * Alert}. The threshold comes from the module twin ({@code TemperatureThreshold}) and from the
 * direct method {@code SetThreshold}; {@code GetStats} tells what the filter has done.
 *
 * <p>It shows messages through the hub, declared as routes, together with the twin and direct
 * methods on the receiving side.
 */
package io.edgejava.filter;
