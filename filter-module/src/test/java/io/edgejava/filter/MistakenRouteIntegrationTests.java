package io.edgejava.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edgejava.edge.contract.Topics;
import io.edgejava.hub.TestModule;
import io.edgejava.hub.testing.LocalHub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A deployment whose route sends readings to an input filter-module does not read. Neither the hub
 * nor edgeHub can refuse such a route, because a manifest does not list a module's inputs. The
 * module that gets the message dead-letters it instead, and the reason names the input. The route
 * counter of {@code filterDeadLetters} shows it, and the module keeps working.
 */
class MistakenRouteIntegrationTests {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final JsonMapper json = JsonMapper.builder().build();

    @TempDir static Path folder;

    static LocalHub hub;
    static ConfigurableApplicationContext filter;
    static TestModule sensor;

    @BeforeAll
    static void start() throws Exception {
        String project = Files.readString(LocalHub.projectManifest());
        String mistaken =
                project.replace(
                        "/modules/filter-module/inputs/input1",
                        "/modules/filter-module/inputs/input2");
        assertThat(mistaken).as("the project's route sensorToFilter").isNotEqualTo(project);
        hub = LocalHub.start(Files.writeString(folder.resolve("mistaken.json"), mistaken));
        sensor = hub.connect("sensor-module");
        filter = hub.runModule(FilterModuleApplication.class, "filter-module");
    }

    @AfterAll
    static void stop() throws Exception {
        filter.close();
        sensor.close();
        hub.close();
    }

    @Test
    void aReadingRoutedToAnInputNoFlowReadsIsDeadLetteredNamingTheInput() throws Exception {
        String marker = UUID.randomUUID().toString();
        long deadLettersBefore = matched("filterDeadLetters");

        assertThat(
                        sensor.publishJson(
                                Topics.output("sensor-module", "temperatureOutput"),
                                "{\"machine\":{\"temperature\":30.5,\"pressure\":1.25},"
                                        + "\"ambient\":{\"temperature\":21.5,\"humidity\":26},"
                                        + "\"timeCreated\":\"2025-06-01T10:00:00.500Z\"}",
                                Map.of("marker", marker)))
                .isLessThan(0x80);

        await().atMost(WAIT).until(() -> !hub.deadLetters(marker).isEmpty());
        JsonNode properties = hub.deadLetters(marker).get(0).path("properties");
        assertThat(properties.path("deadLetterReason").asString())
                .isEqualTo("no flow reads input 'input2'");
        assertThat(properties.path("deadLetterInput").asString()).isEqualTo("input2");
        assertThat(properties.path("deadLetterSource").asString()).isEqualTo("sensor-module");
        assertThat(matched("filterDeadLetters") - deadLettersBefore).isEqualTo(1);
        assertThat(filter.isRunning()).isTrue();
    }

    static long matched(String route) {
        JsonNode routes =
                json.readTree(hub.admin().get().uri("/api/routes").retrieve().body(String.class));
        return routes.valueStream()
                .filter(node -> route.equals(node.path("name").asString()))
                .mapToLong(node -> node.path("matched").asLong())
                .sum();
    }
}
