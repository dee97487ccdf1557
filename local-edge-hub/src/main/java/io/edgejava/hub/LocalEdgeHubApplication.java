package io.edgejava.hub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** An offline stand-in for IoT Edge's edgeHub, for running and testing modules on a laptop. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class LocalEdgeHubApplication {

    public static void main(String[] args) {
        SpringApplication.run(LocalEdgeHubApplication.class, args);
    }
}
