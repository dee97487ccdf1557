/**
 * The IoT Hub–compatible endpoint: what edgeHub offers modules that use the Azure IoT Device SDK
 * (SAS authentication, IoT Hub's module topics over MQTT 3.1.1, twin and direct methods on {@code
 * $iothub} topics), translated onto the hub's own routes, twins and method relay, so that SDK
 * modules and {@code mqtt} modules are one system.
 */
package io.edgejava.hub.iothub;
