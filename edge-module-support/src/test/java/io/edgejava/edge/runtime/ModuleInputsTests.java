package io.edgejava.edge.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.iterable;

import io.edgejava.edge.EdgeHub;
import io.edgejava.edge.MethodResponse;
import io.edgejava.edge.transport.EdgeTransport;
import io.edgejava.edge.transport.InboundListener;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.messaging.Message;

/**
 * A module tells which inputs it reads, so that a deployment's routes can be checked against it:
 * through {@link EdgeHub#inputNames()} and in the {@code edgeHub} health details.
 */
class ModuleInputsTests {

    /** Never connected: these tests look only at what the module asked for. */
    static final class UnconnectedTransport implements EdgeTransport {
        @Override
        public void start(InboundListener listener) {}

        @Override
        public void stop() {}

        @Override
        public void send(String output, Message<byte[]> message) {
            throw new IllegalStateException("not connected");
        }

        @Override
        public CompletableFuture<MethodResponse> invoke(
                String module, String method, byte[] payload, Duration timeout) {
            return CompletableFuture.failedFuture(new IllegalStateException("not connected"));
        }

        @Override
        public CompletableFuture<Void> reportProperties(byte[] patch) {
            return CompletableFuture.failedFuture(new IllegalStateException("not connected"));
        }

        @Override
        public boolean isConnected() {
            return false;
        }

        @Override
        public String describe() {
            return "nowhere";
        }
    }

    private final ApplicationContextRunner module =
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(EdgeModuleAutoConfiguration.class))
                    .withPropertyValues("edge.module-id=alpha")
                    .withBean(EdgeTransport.class, UnconnectedTransport::new);

    @Test
    void theInputNamesAreTheInputsTheModuleAskedForSortedAndOnceEach() {
        module.run(
                context -> {
                    EdgeHub hub = context.getBean(EdgeHub.class);
                    assertThat(hub.inputNames()).isEmpty();

                    hub.input("readings");
                    hub.input("batches");
                    hub.input("readings");

                    assertThat(hub.inputNames()).containsExactly("batches", "readings");
                });
    }

    @Test
    void theHealthDetailsListTheInputs() {
        module.run(
                context -> {
                    context.getBean(EdgeHub.class).input("input1");

                    Health health =
                            context.getBean("edgeHubHealthIndicator", HealthIndicator.class)
                                    .health();

                    assertThat(health.getDetails())
                            .containsEntry("module", "alpha")
                            .extractingByKey("inputs")
                            .asInstanceOf(iterable(String.class))
                            .containsExactly("input1");
                });
    }
}
