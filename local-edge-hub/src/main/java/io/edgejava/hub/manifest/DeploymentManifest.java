package io.edgejava.hub.manifest;

import io.edgejava.hub.routing.RouteDefinition;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the hub takes from a deployment manifest.
 *
 * @param source the file it was read from
 * @param routes {@code $edgeHub}'s routes, in the file's order
 * @param storeAndForwardTimeToLive {@code storeAndForwardConfiguration.timeToLiveSecs}: how long a
 *     message waits for a module that is away, unless its route says otherwise
 * @param modules the modules of the deployment, in the file's order
 * @param desiredProperties each module's {@code properties.desired}, without {@code $}-metadata
 */
public record DeploymentManifest(
        Path source,
        List<RouteDefinition> routes,
        Duration storeAndForwardTimeToLive,
        Set<String> modules,
        Map<String, ObjectNode> desiredProperties) {

    public DeploymentManifest {
        routes = List.copyOf(routes);
        modules = Set.copyOf(modules);
        desiredProperties = Map.copyOf(desiredProperties);
    }
}
