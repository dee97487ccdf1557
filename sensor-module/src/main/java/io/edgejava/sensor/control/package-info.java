/**
 * Resetting the machine from outside: the direct method {@code Reset} (answers {@code
 * {"reset":true,"machineTemperature":21.0}}) and the command {@code {"command":"reset"}} on input
 * {@code control}; a control message the sensor cannot use is dead-lettered with the reason.
 */
package io.edgejava.sensor.control;
