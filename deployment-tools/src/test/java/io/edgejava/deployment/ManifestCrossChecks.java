package io.edgejava.deployment;

import io.edgejava.hub.manifest.DeploymentManifest;
import io.edgejava.hub.manifest.ManifestReader;
import io.edgejava.hub.routing.Route;
import io.edgejava.hub.routing.RouteSink;
import io.edgejava.hub.routing.RouteTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the schemas cannot see: whether the parts of a manifest agree with each other. Each check
 * returns the problems it finds, naming the route or module, and nothing for a sound manifest.
 *
 * <p>Routes are read by the hub's own reader and parser, so these checks and the hub agree on what
 * a route means.
 */
final class ManifestCrossChecks {

    private static final JsonMapper json = JsonMapper.builder().build();

    private ManifestCrossChecks() {}

    /** The modules edgeAgent runs: {@code $edgeAgent.properties.desired.modules}. */
    static Set<String> deployedModules(Path manifest) {
        JsonNode modules =
                json.readTree(manifest.toFile())
                        .path("modulesContent")
                        .path("$edgeAgent")
                        .path("properties.desired")
                        .path("modules");
        return new TreeSet<>(modules.propertyNames());
    }

    /**
     * @return one line per route that takes messages from, or sends them to, a module edgeAgent
     *     does not run
     */
    static List<String> routesNamingUndeployedModules(Path manifest) {
        Set<String> deployed = deployedModules(manifest);
        List<String> problems = new ArrayList<>();
        for (Route route : routes(manifest)) {
            String source = route.source().moduleId();
            if (source != null && !deployed.contains(source)) {
                problems.add(
                        "route "
                                + route.name()
                                + " takes messages from undeployed module "
                                + source);
            }
            if (route.sink() instanceof RouteSink.ModuleInput input
                    && !deployed.contains(input.module())) {
                problems.add(
                        "route "
                                + route.name()
                                + " sends messages to undeployed module "
                                + input.module());
            }
        }
        return problems;
    }

    /**
     * @return one line per module that has desired properties in {@code modulesContent} but is not
     *     deployed: its twin would be set and nothing would read it
     */
    static List<String> desiredPropertiesOfUndeployedModules(Path manifest) {
        Set<String> deployed = deployedModules(manifest);
        List<String> problems = new ArrayList<>();
        for (String section :
                json.readTree(manifest.toFile()).path("modulesContent").propertyNames()) {
            if (!section.startsWith("$") && !deployed.contains(section)) {
                problems.add(
                        "modulesContent."
                                + section
                                + " sets desired properties of a module that is not deployed");
            }
        }
        return problems;
    }

    /** Every route into a module input, as the hub reads the manifest. */
    static List<RouteSink.ModuleInput> moduleInputs(Path manifest) {
        return routes(manifest).stream()
                .map(Route::sink)
                .filter(RouteSink.ModuleInput.class::isInstance)
                .map(RouteSink.ModuleInput.class::cast)
                .distinct()
                .toList();
    }

    private static List<Route> routes(Path manifest) {
        DeploymentManifest read = new ManifestReader(json).read(manifest);
        return RouteTable.compile(read.routes(), read.storeAndForwardTimeToLive()).routes();
    }
}
