/**
 * The MQTT contract between a module and the local hub: topic names and the MQTT v5 user properties
 * that carry IoT Edge system properties.
 *
 * <p>This package is the one place those names are written down. The local hub and the {@code mqtt}
 * transport both use it, so they cannot drift apart.
 */
package io.edgejava.edge.contract;
