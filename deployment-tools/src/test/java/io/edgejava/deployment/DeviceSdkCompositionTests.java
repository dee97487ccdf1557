package io.edgejava.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * compose.device-sdk.yml gives every module of the manifest the environment the IoT Edge runtime
 * gives it on a device (IOTEDGE_* and its own workload socket), and turns on the hub's IoT
 * Hub–compatible endpoint on the volume that holds those sockets: a module missing from the
 * override, or given another module's socket, would silently stay on MQTT v5 or fail to sign.
 */
class DeviceSdkCompositionTests {

    private static final Path ROOT = Path.of("..");
    private static final String HUB = "local-edge-hub";
    private static final String WORKLOAD_VOLUME = "iotedge-workload";

    private final JsonNode modules =
            JsonMapper.builder()
                    .build()
                    .readTree(ROOT.resolve("deployment.template.json").toFile())
                    .path("modulesContent")
                    .path("$edgeAgent")
                    .path("properties.desired")
                    .path("modules");
    private final JsonNode services =
            YAMLMapper.builder()
                    .build()
                    .readTree(ROOT.resolve("compose.device-sdk.yml").toFile())
                    .path("services");

    /** The modules this repository builds; {@code sql} is a database, not an SDK client. */
    private Set<String> sdkModules() {
        Set<String> built = new TreeSet<>(ModuleJsonTests.modulesBuiltHere());
        built.retainAll(new TreeSet<>(modules.propertyNames()));
        return built;
    }

    @Test
    void everyModuleBuiltHereRunsOnTheIotedgeTransportWithItsOwnWorkloadSocket() {
        assertThat(sdkModules()).isNotEmpty();
        for (String module : sdkModules()) {
            Map<String, String> env = environment(services.path(module));

            assertThat(env)
                    .as("environment of %s", module)
                    .containsEntry("EDGE_TRANSPORT", "iotedge")
                    .containsEntry("IOTEDGE_MODULEID", module)
                    .containsEntry(
                            "IOTEDGE_WORKLOADURI",
                            "unix:///var/run/iotedge/" + module + "/workload.sock")
                    .containsEntry("IOTEDGE_AUTHSCHEME", "sasToken")
                    .containsEntry("IOTEDGE_GATEWAYHOSTNAME", HUB)
                    .containsKeys(
                            "IOTEDGE_DEVICEID",
                            "IOTEDGE_IOTHUBHOSTNAME",
                            "IOTEDGE_MODULEGENERATIONID",
                            "IOTEDGE_APIVERSION");
            assertThat(env.get("IOTEDGE_IOTHUBHOSTNAME"))
                    .as("the SDK refuses a hub host name without a dot")
                    .contains(".");
            assertThat(env.get("EDGE_IOTEDGE_PROTOCOL"))
                    .as("protocol of %s: the local hub emulates MQTT and MQTT_WS only", module)
                    .isIn("MQTT", "MQTT_WS");
            assertThat(volumes(services.path(module)))
                    .contains(WORKLOAD_VOLUME + ":/var/run/iotedge");
        }
    }

    @Test
    void everyModuleNamesTheSameDeviceAndHubAsTheOthers() {
        Set<String> devices = new TreeSet<>();
        Set<String> hubs = new TreeSet<>();
        for (String module : sdkModules()) {
            devices.add(environment(services.path(module)).get("IOTEDGE_DEVICEID"));
            hubs.add(environment(services.path(module)).get("IOTEDGE_IOTHUBHOSTNAME"));
        }

        assertThat(devices).hasSize(1);
        assertThat(hubs).hasSize(1);
    }

    @Test
    void bothEmulatedProtocolsAreInUse() {
        Set<String> protocols = new TreeSet<>();
        sdkModules()
                .forEach(
                        m ->
                                protocols.add(
                                        environment(services.path(m))
                                                .get("EDGE_IOTEDGE_PROTOCOL")));

        assertThat(protocols).containsExactly("MQTT", "MQTT_WS");
    }

    @Test
    void theHubServesItsIotHubEndpointAndMakesTheSocketsInTheSharedVolume() {
        JsonNode hub = services.path(HUB);
        Map<String, String> env = environment(hub);

        assertThat(env).containsEntry("HUB_IOTHUB_ENABLED", "true");
        assertThat(volumes(hub))
                .contains(WORKLOAD_VOLUME + ":" + env.get("HUB_IOTHUB_WORKLOADDIR"));
        assertThat(volumes(hub).toString()).doesNotContain(":ro");
    }

    private static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new TreeMap<>();
        service.path("environment")
                .properties()
                .forEach(e -> env.put(e.getKey(), e.getValue().asString()));
        return env;
    }

    private static List<String> volumes(JsonNode service) {
        List<String> volumes = new ArrayList<>();
        service.path("volumes").forEach(v -> volumes.add(v.asString()));
        return volumes;
    }
}
