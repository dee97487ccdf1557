package io.edgejava.mqttcontract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.edgejava.edge.EdgeHub;
import io.edgejava.edge.EdgeJson;
import io.edgejava.edge.testing.ContractModule;
import io.edgejava.edge.testing.Inbox;
import io.edgejava.edge.testing.TransportContract;
import io.edgejava.hub.HubFixture;
import io.edgejava.hub.LocalEdgeHubApplication;
import io.edgejava.hub.identity.ModuleKeys;
import io.edgejava.hub.testing.HubAdminApi;
import io.edgejava.hub.testing.LocalHub;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The transport contract for the {@code mqtt} transport, against local-edge-hub in-process.
 * (Outside the hub's packages, so that the hub's component scan does not find the modules of these
 * tests.)
 */
class MqttTransportContractTests extends TransportContract {

    static final ModuleKeys KEYS = new ModuleKeys(ModuleKeys.LOCAL_DEVELOPMENT_KEY);
    static int mqttPort;
    static int websocketPort;
    static Path dataDir;
    static ConfigurableApplicationContext hub;

    @BeforeAll
    static void startHub() throws IOException {
        mqttPort = HubFixture.freePort();
        websocketPort = HubFixture.freePort();
        dataDir = Files.createTempDirectory("contract-hub");
        hub = runHub();
    }

    @AfterAll
    static void stopHub() {
        hub.close();
    }

    static ConfigurableApplicationContext runHub() {
        return SpringApplication.run(
                LocalEdgeHubApplication.class,
                "--hub.manifest=src/test/resources/contract-manifest.json",
                "--hub.data-dir=" + dataDir,
                "--hub.mqtt.bind-address=127.0.0.1",
                "--hub.mqtt.port=" + mqttPort,
                "--hub.mqtt.websocket-port=" + websocketPort,
                "--server.port=0");
    }

    /** How a module is started: with the settings a compose file or a manifest would give it. */
    static ConfigurableApplicationContext module(String moduleId, String... more) {
        return module(ContractModule.class, moduleId, more);
    }

    static ConfigurableApplicationContext module(
            Class<?> application, String moduleId, String... more) {
        List<String> settings =
                List.of(
                        "--edge.module-id=" + moduleId,
                        "--edge.transport=mqtt",
                        "--edge.hub-url=tcp://127.0.0.1:" + mqttPort,
                        "--edge.key=" + KEYS.keyOf(moduleId),
                        "--edge.connect-timeout=5s",
                        "--edge.delivery.retry-later-backoff=100ms",
                        "--edge.delivery.retry-later-max-backoff=400ms",
                        "--spring.main.banner-mode=off");
        return new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .run(LocalHub.withOverrides(settings, more));
    }

    @Test
    void aModuleWithAnotherModulesKeyCannotStartAndSaysWhy() {
        Throwable failure =
                catchThrowable(() -> module("alpha", "--edge.key=" + KEYS.keyOf("beta")).close());
        assertThat(failure).isNotNull();
        assertThat(messages(failure))
                .contains("Module 'alpha' cannot connect")
                .contains("refused its key");
    }

    @Test
    void aModuleConnectsOverWebSocket() {
        try (ConfigurableApplicationContext alpha =
                        module(
                                "alpha",
                                "--edge.hub-url=ws://127.0.0.1:" + websocketPort + "/mqtt");
                ConfigurableApplicationContext beta = module("beta")) {
            alpha.getBean(EdgeHub.class)
                    .output("out")
                    .send(alpha.getBean(EdgeJson.class).message(Map.of("tag", tag)));
            Inbox inbox = beta.getBean(Inbox.class);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> !inbox.on(ContractModule.IN, tag).isEmpty());
        }
    }

    @Test
    void theTenLineModuleOfTheReadmeWorksAgainstTheHub() throws Exception {
        try (ConfigurableApplicationContext alpha = module("alpha");
                ConfigurableApplicationContext beta = module(UppercaseModule.class, "beta")) {
            EdgeHub hub = alpha.getBean(EdgeHub.class);
            hub.output("out").send(alpha.getBean(EdgeJson.class).message(Map.of("tag", tag)));

            Inbox inbox = alpha.getBean(Inbox.class);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> !inbox.on(ContractModule.IN, tag.toUpperCase()).isEmpty());
            assertThat(
                            hub.invoke("beta", "Ping", Map.of(), Duration.ofSeconds(5))
                                    .join()
                                    .payloadAsString())
                    .isEqualTo("\"pong\"");

            MeterRegistry meters = alpha.getBean(MeterRegistry.class);
            assertThat(meters.counter("edge.messages.sent", "output", "out").count()).isEqualTo(1);
            assertThat(meters.counter("edge.messages.received", "input", "in").count())
                    .isEqualTo(1);
            assertThat(meters.counter("edge.methods.invoked", "status", "200").count())
                    .isEqualTo(1);
            HealthIndicator health = alpha.getBean("edgeHubHealthIndicator", HealthIndicator.class);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        }
    }

    private static String messages(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }

    @Override
    protected ConfigurableApplicationContext startModule(String moduleId) {
        return module(moduleId);
    }

    @Override
    protected void patchDesired(String moduleId, String patchJson) {
        HubAdminApi.patchDesired(hub, moduleId, patchJson);
    }

    @Override
    protected String reportedProperties(String moduleId) {
        return HubAdminApi.twin(hub, moduleId);
    }

    @Override
    protected void restartHub() {
        hub.close();
        hub = runHub();
    }
}
