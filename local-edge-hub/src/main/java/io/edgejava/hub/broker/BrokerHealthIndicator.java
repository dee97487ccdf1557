package io.edgejava.hub.broker;

import io.edgejava.hub.HubProperties;
import io.edgejava.hub.identity.ModuleDirectory;
import io.edgejava.hub.iothub.IotHubEndpoint;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Health of the embedded broker: up while it runs, with which modules are connected. */
@Component("broker")
class BrokerHealthIndicator implements HealthIndicator {

    private final EmbeddedBroker broker;
    private final ModuleDirectory modules;
    private final HubProperties properties;
    private final ObjectProvider<IotHubEndpoint> iotHub;

    BrokerHealthIndicator(
            EmbeddedBroker broker,
            ModuleDirectory modules,
            HubProperties properties,
            ObjectProvider<IotHubEndpoint> iotHub) {
        this.broker = broker;
        this.modules = modules;
        this.properties = properties;
        this.iotHub = iotHub;
    }

    @Override
    public Health health() {
        List<String> connected =
                modules.known().stream().filter(modules::isConnected).sorted().toList();
        Health.Builder health =
                (broker.isRunning() ? Health.up() : Health.down())
                        .withDetail("mqttPort", properties.mqtt().port())
                        .withDetail("websocketPort", properties.mqtt().websocketPort())
                        .withDetail("connectedModules", connected);
        IotHubEndpoint endpoint = iotHub.getIfAvailable();
        if (endpoint != null) {
            health.withDetail("iotHub", endpoint.details());
        }
        return health.build();
    }
}
