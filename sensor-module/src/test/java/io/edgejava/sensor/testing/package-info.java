/** Test doubles shared by the sensor's unit tests. */
package io.edgejava.sensor.testing;
