/**
 * The transport SPI: what a transport ({@code mqtt} to the local hub, {@code iotedge} through the
 * Azure IoT Device SDK) must do, so that module code and the delivery rules above it stay the same.
 */
package io.edgejava.edge.transport;
