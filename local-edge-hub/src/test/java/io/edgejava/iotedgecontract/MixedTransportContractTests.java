package io.edgejava.iotedgecontract;

import io.edgejava.edge.runtime.EdgeProperties;
import io.edgejava.edge.testing.ContractModule;
import io.edgejava.hub.testing.LocalHub;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One system across both dialects: module {@code alpha} on the Azure IoT Device SDK (MQTT, from a
 * connection string), {@code beta} on the {@code mqtt} transport. Every case of the contract then
 * crosses from one dialect to the other: routed messages both ways, dead letters, direct methods
 * (alpha's over HTTPS to beta's over MQTT v5), and a hub restart. {@link MqttCallsSdkContractTests}
 * swaps the two.
 */
class MixedTransportContractTests extends IotEdgeTransportContract {

    /** The module that runs on the {@code mqtt} transport; the other runs on the SDK. */
    String mqttModule() {
        return "beta";
    }

    @Override
    EdgeProperties.Protocol protocol() {
        return EdgeProperties.Protocol.MQTT;
    }

    @Override
    boolean workload() {
        return false;
    }

    @Override
    ConfigurableApplicationContext module(String moduleId, String... more) {
        if (!moduleId.equals(mqttModule())) {
            return super.module(moduleId, more);
        }
        List<String> settings =
                List.of(
                        "--edge.module-id=" + moduleId,
                        "--edge.transport=mqtt",
                        "--edge.hub-url=tcp://127.0.0.1:" + mqttPort,
                        "--edge.key=" + KEYS.keyOf(moduleId),
                        "--edge.connect-timeout=10s",
                        "--edge.delivery.retry-later-backoff=100ms",
                        "--edge.delivery.retry-later-max-backoff=400ms",
                        "--spring.main.banner-mode=off");
        return new SpringApplicationBuilder(ContractModule.class)
                .web(WebApplicationType.NONE)
                .run(LocalHub.withOverrides(settings, more));
    }
}
