package io.edgejava.edge.runtime;

import io.edgejava.edge.DesiredPropertiesListener;
import io.edgejava.edge.EdgeHub;
import io.edgejava.edge.EdgeJson;
import io.edgejava.edge.iotedge.IotEdgeTransport;
import io.edgejava.edge.mqtt.MqttTransport;
import io.edgejava.edge.transport.EdgeTransport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes a Spring Boot application a module: an {@link EdgeHub} bean over the transport that {@code
 * edge.transport} chooses, {@code @DirectMethod} handlers, desired properties listeners, health and
 * metrics.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"
        })
@EnableConfigurationProperties(EdgeProperties.class)
public class EdgeModuleAutoConfiguration {

    /** Set by the IoT Edge runtime in every module container. */
    static final String WORKLOAD_URI = "IOTEDGE_WORKLOADURI";

    /** Set by the IoT Edge simulator and some test setups. */
    static final String CONNECTION_STRING = "EdgeHubConnectionString";

    @Bean
    @ConditionalOnMissingBean
    EdgeJson edgeJson(ObjectProvider<JsonMapper> json) {
        return new EdgeJson(json.getIfAvailable(() -> JsonMapper.builder().build()));
    }

    @Bean
    static DirectMethods edgeDirectMethods(ObjectProvider<JsonMapper> json) {
        return new DirectMethods(json);
    }

    @Bean
    @ConditionalOnMissingBean
    EdgeTransport edgeTransport(
            EdgeProperties properties,
            Environment environment,
            BeanFactory beanFactory,
            ApplicationEventPublisher events) {
        return switch (chooseTransport(properties.transport(), environment)) {
            case MQTT -> {
                if (properties.key().isBlank()) {
                    throw new IllegalStateException(
                            "edge.key (EDGE_KEY) is not set: the mqtt transport needs module '"
                                    + properties.moduleId()
                                    + "''s key. local-edge-hub logs every module's key at"
                                    + " start-up while it runs with its development key.");
                }
                yield new MqttTransport(
                        properties.moduleId(),
                        properties.hubUrl(),
                        properties.key(),
                        properties.connectTimeout(),
                        properties.sessionExpiry(),
                        beanFactory,
                        events);
            }
            case IOTEDGE, AUTO ->
                    new IotEdgeTransport(
                            properties.moduleId(),
                            properties.iotedge(),
                            properties.connectTimeout(),
                            IotEdgeTransport.ClientFactory.fromEnvironment());
        };
    }

    /** {@code auto}: the IoT Edge runtime's environment means a device, anything else a laptop. */
    static EdgeProperties.Transport chooseTransport(
            EdgeProperties.Transport configured, Environment environment) {
        if (configured != EdgeProperties.Transport.AUTO) {
            return configured;
        }
        return environment.containsProperty(WORKLOAD_URI)
                        || environment.containsProperty(CONNECTION_STRING)
                ? EdgeProperties.Transport.IOTEDGE
                : EdgeProperties.Transport.MQTT;
    }

    @Bean
    ModuleHub edgeHub(
            EdgeProperties properties,
            EdgeTransport transport,
            EdgeJson json,
            DirectMethods methods,
            ObjectProvider<DesiredPropertiesListener> listeners,
            ObjectProvider<MeterRegistry> meters) {
        return new ModuleHub(
                properties,
                transport,
                json,
                methods,
                listeners,
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class Health {

        @Bean
        HealthIndicator edgeHubHealthIndicator(EdgeHub hub, EdgeTransport transport) {
            return () ->
                    (hub.isConnected()
                                    ? org.springframework.boot.health.contributor.Health.up()
                                    : org.springframework.boot.health.contributor.Health.down())
                            .withDetail("module", hub.moduleId())
                            .withDetail("hub", transport.describe())
                            .withDetail("inputs", hub.inputNames())
                            .build();
        }
    }
}
