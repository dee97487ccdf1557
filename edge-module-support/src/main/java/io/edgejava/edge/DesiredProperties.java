package io.edgejava.edge;

import tools.jackson.databind.node.ObjectNode;

/**
 * The desired properties of this module's twin.
 *
 * @param version the twin's {@code $version}; grows with every change
 * @param properties the properties, without {@code $version}
 */
public record DesiredProperties(long version, ObjectNode properties) {}
