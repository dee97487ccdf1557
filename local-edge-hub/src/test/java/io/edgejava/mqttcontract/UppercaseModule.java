package io.edgejava.mqttcontract;

import io.edgejava.edge.DirectMethod;
import io.edgejava.edge.EdgeHub;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.integration.dsl.IntegrationFlow;

/** The ten-line module of the README: one flow from an input to an output, one direct method. */
@SpringBootApplication
public class UppercaseModule {

    public static void main(String[] args) {
        SpringApplication.run(UppercaseModule.class, args);
    }

    @Bean
    IntegrationFlow uppercase(EdgeHub hub) {
        return IntegrationFlow.from(hub.input("in"))
                .transform(
                        byte[].class,
                        body -> new String(body, StandardCharsets.UTF_8).toUpperCase())
                .channel(hub.output("out"))
                .get();
    }

    @DirectMethod("Ping")
    String ping() {
        return "pong";
    }
}
