package io.edgejava.hub;

import io.edgejava.edge.runtime.EdgeModuleAutoConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * An offline stand-in for IoT Edge's edgeHub, for running and testing modules on a laptop.
 *
 * <p>The hub uses edge-module-support only for the topic contract; it is not a module itself, so
 * the module auto-configuration stays off.
 */
@SpringBootApplication(exclude = EdgeModuleAutoConfiguration.class)
@ConfigurationPropertiesScan
@EnableScheduling
public class LocalEdgeHubApplication {

    public static void main(String[] args) {
        SpringApplication.run(LocalEdgeHubApplication.class, args);
    }
}
