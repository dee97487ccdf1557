package io.edgejava.filter;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Forwards readings above a twin-configurable temperature threshold as alerts. */
@SpringBootApplication
@EnableConfigurationProperties(FilterProperties.class)
public class FilterModuleApplication {

    public static void main(String[] args) {
        SpringApplication.run(FilterModuleApplication.class, args);
    }
}
