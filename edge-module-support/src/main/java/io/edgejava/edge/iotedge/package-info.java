/**
 * The {@code iotedge} transport: the module's hub connection through the Azure IoT Device SDK for
 * Java, as on a device, to edgeHub or to local-edge-hub's IoT Hub–compatible endpoint.
 */
package io.edgejava.edge.iotedge;
