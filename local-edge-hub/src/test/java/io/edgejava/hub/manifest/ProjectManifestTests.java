package io.edgejava.hub.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgejava.hub.routing.RouteSink;
import io.edgejava.hub.routing.RouteTable;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The repository's own deployment.template.json is one the hub can apply. (deployment-tools'
 * ProjectDeploymentTests validate it against the IoT Edge JSON schemas.)
 */
class ProjectManifestTests {

    private static final Path MANIFEST = Path.of("..", "deployment.template.json");

    @Test
    void theProjectsManifestParsesAndEveryRouteSendsToADeployedModule() {
        DeploymentManifest manifest =
                new ManifestReader(JsonMapper.builder().build()).read(MANIFEST);
        RouteTable routes =
                RouteTable.compile(manifest.routes(), manifest.storeAndForwardTimeToLive());

        assertThat(routes.routes()).hasSameSizeAs(manifest.routes()).isNotEmpty();
        assertThat(routes.routes())
                .map(route -> route.sink())
                .filteredOn(RouteSink.ModuleInput.class::isInstance)
                .map(sink -> ((RouteSink.ModuleInput) sink).module())
                .allMatch(manifest.modules()::contains);
        assertThat(manifest.modules())
                .contains(
                        "sensor-module",
                        "filter-module",
                        "sql-writer-module",
                        "direct-method-caller");
    }
}
