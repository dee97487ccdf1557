/**
 * The embedded HiveMQ CE broker and the embedded extension through which the hub does what edgeHub
 * does: routing module outputs to module inputs, relaying direct methods, taking reported
 * properties, refusing what a module may not do.
 */
package io.edgejava.hub.broker;
