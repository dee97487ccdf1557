/**
 * A test-only module that plays sensor-module's direct methods for the caller's tests (outside
 * {@code io.edgejava.caller}, so that the caller's component scan does not find it).
 */
package io.edgejava.peers.sensor;
