/**
 * The simulated machine: a temperature ramp with noise, the pressure that follows it, and the room
 * around it. Plain code without Spring or the hub, so that it is tested on its own with a fixed
 * clock and a seeded random generator.
 */
package io.edgejava.sensor.simulation;
