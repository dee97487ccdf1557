/**
 * The {@code mqtt} transport: MQTT v5 to local-edge-hub through Spring Integration MQTT, one shared
 * Paho client per module with a persistent session and manual acknowledgements.
 */
package io.edgejava.edge.mqtt;
