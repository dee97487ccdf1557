/**
 * The programming model of a module: what module code sees of its hub.
 *
 * <ul>
 *   <li>{@link io.edgejava.edge.EdgeHub#input(String)} and {@link
 *       io.edgejava.edge.EdgeHub#output(String)}: the module's inputs and outputs as Spring
 *       Integration channels;
 *   <li>{@link io.edgejava.edge.DirectMethod}: a bean method that answers a direct method, and
 *       {@link io.edgejava.edge.EdgeHub#invoke} to call one on another module;
 *   <li>{@link io.edgejava.edge.DesiredPropertiesListener} and {@link
 *       io.edgejava.edge.EdgeHub#reportProperties}: the module twin.
 * </ul>
 *
 * <p>Module code never sees MQTT topics or the Azure IoT SDK: the transport underneath is chosen by
 * {@code edge.transport}.
 */
package io.edgejava.edge;
