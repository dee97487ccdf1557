package io.edgejava.hub;

import io.edgejava.hub.broker.EmbeddedBroker;
import io.edgejava.hub.broker.HubPublishInterceptor;
import io.edgejava.hub.broker.HubPublisher;
import io.edgejava.hub.broker.RouteCounters;
import io.edgejava.hub.identity.ConnectionTracker;
import io.edgejava.hub.identity.ModuleAuthenticator;
import io.edgejava.hub.identity.ModuleDirectory;
import io.edgejava.hub.identity.ModuleKeys;
import io.edgejava.hub.identity.ModuleSubscriptionAuthorizer;
import io.edgejava.hub.identity.Observers;
import io.edgejava.hub.iothub.IotHubAuthenticator;
import io.edgejava.hub.iothub.IotHubDialect;
import io.edgejava.hub.iothub.IotHubEndpoint;
import io.edgejava.hub.manifest.DeploymentManifest;
import io.edgejava.hub.manifest.InvalidManifestException;
import io.edgejava.hub.manifest.ManifestReader;
import io.edgejava.hub.method.MethodCalls;
import io.edgejava.hub.routing.Route;
import io.edgejava.hub.routing.RouteSink;
import io.edgejava.hub.routing.RouteSyntaxException;
import io.edgejava.hub.routing.RouteTable;
import io.edgejava.hub.twin.TwinStore;
import io.edgejava.hub.upstream.UpstreamLog;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Builds the hub from its settings and the deployment manifest. */
@Configuration(proxyBeanMethods = false)
class HubConfiguration {

    private static final Logger log = LoggerFactory.getLogger(HubConfiguration.class);

    @Bean
    DeploymentManifest deploymentManifest(HubProperties properties, JsonMapper json) {
        DeploymentManifest manifest = new ManifestReader(json).read(properties.manifest());
        log.info(
                "Deployment manifest {}: {} modules, {} routes, store-and-forward TTL {}",
                manifest.source().toAbsolutePath().normalize(),
                manifest.modules().size(),
                manifest.routes().size(),
                manifest.storeAndForwardTimeToLive());
        return manifest;
    }

    /** Compiles the manifest's routes; a route that does not parse stops the hub here. */
    @Bean
    RouteTable routeTable(DeploymentManifest manifest) {
        RouteTable table;
        try {
            table = RouteTable.compile(manifest.routes(), manifest.storeAndForwardTimeToLive());
        } catch (RouteSyntaxException e) {
            throw new InvalidManifestException(manifest.source(), e.getMessage(), e);
        }
        for (Route route : table.routes()) {
            if (route.sink() instanceof RouteSink.ModuleInput input
                    && !manifest.modules().contains(input.module())) {
                throw new InvalidManifestException(
                        manifest.source(),
                        "route '"
                                + route.name()
                                + "' sends to module '"
                                + input.module()
                                + "', which the manifest does not deploy (modules: "
                                + String.join(", ", manifest.modules())
                                + ")");
            }
        }
        return table;
    }

    @Bean
    ModuleDirectory moduleDirectory(DeploymentManifest manifest) {
        return new ModuleDirectory(manifest.modules());
    }

    @Bean
    ModuleKeys moduleKeys(HubProperties properties, ModuleDirectory modules) {
        String key = properties.identity().key();
        if (!key.isBlank()) {
            return new ModuleKeys(key);
        }
        ModuleKeys keys = new ModuleKeys(ModuleKeys.LOCAL_DEVELOPMENT_KEY);
        StringBuilder listing = new StringBuilder();
        modules.known()
                .forEach(
                        module ->
                                listing.append("\n  ")
                                        .append(module)
                                        .append(": ")
                                        .append(keys.keyOf(module)));
        listing.append("\n  ")
                .append(Observers.USER)
                .append(" (read-only, any client id starting with it): ")
                .append(keys.keyOf(Observers.USER));
        log.warn(
                "hub.identity.key is not set: using the published local-only development key."
                        + " Module keys:{}",
                listing);
        return keys;
    }

    @Bean
    ModuleAuthenticator moduleAuthenticator(
            HubProperties properties,
            ModuleDirectory modules,
            ModuleKeys keys,
            MeterRegistry meters) {
        HubProperties.IotHub iotHub = properties.iotHub();
        return new ModuleAuthenticator(
                modules,
                keys,
                meters,
                iotHub.enabled()
                        ? Optional.of(
                                new IotHubAuthenticator(
                                        iotHub.hostName(),
                                        iotHub.gatewayHostNames(),
                                        properties.deviceId(),
                                        modules,
                                        keys,
                                        iotHub.clockSkew(),
                                        Clock.systemUTC()))
                        : Optional.empty());
    }

    @Bean
    IotHubDialect iotHubDialect(
            HubProperties properties, TwinStore twins, JsonMapper json, MeterRegistry meters) {
        return new IotHubDialect(properties.deviceId(), twins, json, meters);
    }

    @Bean
    ModuleSubscriptionAuthorizer moduleSubscriptionAuthorizer(MeterRegistry meters) {
        return new ModuleSubscriptionAuthorizer(meters);
    }

    @Bean
    ConnectionTracker connectionTracker(ModuleDirectory modules) {
        return new ConnectionTracker(modules);
    }

    @Bean
    TwinStore twinStore(
            HubProperties properties,
            DeploymentManifest manifest,
            JsonMapper json,
            HubPublisher publisher) {
        return new TwinStore(properties.dataDir(), manifest.desiredProperties(), json, publisher);
    }

    @Bean
    MethodCalls methodCalls(
            ModuleDirectory modules,
            HubPublisher publisher,
            JsonMapper json,
            MeterRegistry meters,
            HubProperties properties) {
        return new MethodCalls(
                modules,
                publisher,
                json,
                meters,
                properties.methods().defaultTimeout(),
                Clock.systemUTC());
    }

    @Bean
    UpstreamLog upstreamLog(HubProperties properties) {
        return new UpstreamLog(properties.upstreamHistory());
    }

    @Bean
    RouteCounters routeCounters(RouteTable routes, MeterRegistry meters) {
        return new RouteCounters(routes.routes(), meters);
    }

    @Bean
    HubPublishInterceptor hubPublishInterceptor(
            HubProperties properties,
            RouteTable routes,
            RouteCounters counters,
            MethodCalls methods,
            TwinStore twins,
            UpstreamLog upstream,
            JsonMapper json,
            MeterRegistry meters,
            IotHubDialect iotHub) {
        return new HubPublishInterceptor(
                properties.deviceId(),
                properties.mqtt().maxMessageBytes(),
                routes,
                counters,
                methods,
                twins,
                upstream,
                json,
                meters,
                iotHub);
    }

    @Bean
    EmbeddedBroker embeddedBroker(
            HubProperties properties,
            ModuleAuthenticator authenticator,
            ModuleSubscriptionAuthorizer subscriptions,
            ConnectionTracker connections,
            HubPublishInterceptor publishes,
            IotHubDialect iotHubDialect,
            ObjectProvider<IotHubEndpoint> iotHub,
            TwinStore twins,
            MeterRegistry meters) {
        return new EmbeddedBroker(
                properties,
                authenticator,
                subscriptions,
                connections,
                publishes,
                iotHubDialect,
                Optional.ofNullable(iotHub.getIfAvailable()),
                twins,
                meters);
    }

    /** The IoT Hub–compatible endpoint, for modules on the Azure IoT Device SDK. */
    @Bean
    @ConditionalOnProperty(prefix = "hub.iot-hub", name = "enabled", havingValue = "true")
    IotHubEndpoint iotHubEndpoint(
            HubProperties properties,
            ModuleDirectory modules,
            ModuleKeys keys,
            MethodCalls methods,
            JsonMapper json) {
        return new IotHubEndpoint(properties, modules, keys, methods, json);
    }
}
