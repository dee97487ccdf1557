/**
 * local-edge-hub: what edgeHub does for modules, offline. An embedded MQTT broker (HiveMQ CE) with
 * an embedded extension that authenticates modules, isolates them from each other, routes their
 * messages by the routes of {@code deployment.template.json}, relays direct methods and keeps their
 * twins; and an admin API over all of it.
 */
package io.edgejava.hub;
