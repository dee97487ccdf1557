package io.edgejava.caller;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** Invokes direct methods on peer modules: on alerts, on a schedule, and by hand over HTTP. */
@SpringBootApplication
@EnableConfigurationProperties(CallerProperties.class)
public class DirectMethodCallerApplication {

    public static void main(String[] args) {
        SpringApplication.run(DirectMethodCallerApplication.class, args);
    }
}
