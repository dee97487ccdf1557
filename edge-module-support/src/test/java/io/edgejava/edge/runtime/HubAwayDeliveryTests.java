package io.edgejava.edge.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edgejava.edge.EdgeHeaders;
import io.edgejava.edge.EdgeHub;
import io.edgejava.edge.InvalidMessageException;
import io.edgejava.edge.MethodResponse;
import io.edgejava.edge.transport.EdgeTransport;
import io.edgejava.edge.transport.HubConnectionException;
import io.edgejava.edge.transport.InboundListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * When the hub is away for a moment (a restart, a burst of unacknowledged sends), a message is not
 * the problem: it is postponed without using up an attempt, and a dead letter the hub cannot take
 * yet is sent again. Before, three attempts passed within milliseconds and a good message was
 * dead-lettered, or a dead letter was given up and the message stayed unacknowledged on a live
 * connection.
 */
class HubAwayDeliveryTests {

    /**
     * A transport whose sends fail as a hub that is away makes them fail, a given number of times.
     */
    static final class FlakyTransport implements EdgeTransport {

        final AtomicInteger failuresLeft = new AtomicInteger();
        final List<String> sentTo = new CopyOnWriteArrayList<>();

        @Override
        public void start(InboundListener listener) {}

        @Override
        public void stop() {}

        @Override
        public void send(String output, Message<byte[]> message) {
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new HubConnectionException(
                        "Could not send to '" + output + "': Too many publishes in progress", null);
            }
            sentTo.add(output);
        }

        @Override
        public CompletableFuture<MethodResponse> invoke(
                String module, String method, byte[] payload, Duration timeout) {
            return CompletableFuture.failedFuture(new IllegalStateException("not used"));
        }

        @Override
        public CompletableFuture<Void> reportProperties(byte[] patch) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public boolean isConnected() {
            return true;
        }

        @Override
        public String describe() {
            return "flaky";
        }
    }

    private final ApplicationContextRunner module =
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(EdgeModuleAutoConfiguration.class))
                    .withPropertyValues(
                            "edge.module-id=alpha",
                            "edge.delivery.retry-later-backoff=10ms",
                            "edge.delivery.retry-later-max-backoff=20ms")
                    .withBean(FlakyTransport.class, FlakyTransport::new)
                    .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    @Test
    void aFlowThatCannotReachTheHubIsPostponedNotDeadLettered() {
        module.run(
                context -> {
                    FlakyTransport transport = context.getBean(FlakyTransport.class);
                    EdgeHub hub = context.getBean(EdgeHub.class);
                    List<Object> attempts = new CopyOnWriteArrayList<>();
                    // Forwards each message, as filter-module does; the hub is away for five sends,
                    // more than edge.delivery.max-attempts.
                    hub.input("in")
                            .subscribe(
                                    message -> {
                                        attempts.add(
                                                message.getHeaders()
                                                        .get(EdgeHeaders.DELIVERY_ATTEMPT));
                                        hub.output("out").send(message);
                                    });
                    transport.failuresLeft.set(5);
                    List<String> verdicts = new CopyOnWriteArrayList<>();

                    context.getBean(InboundListener.class)
                            .onInput("in", message(), recording(verdicts));

                    await().atMost(Duration.ofSeconds(5))
                            .until(() -> verdicts.equals(List.of("acknowledged")));
                    assertThat(transport.sentTo).containsExactly("out");
                    assertThat(attempts).hasSize(6).containsOnly(1);
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    assertThat(meters.counter("edge.messages.postponed", "input", "in").count())
                            .isEqualTo(5);
                    assertThat(meters.counter("edge.messages.dead-lettered", "input", "in").count())
                            .isZero();
                });
    }

    @Test
    void aDeadLetterTheHubCannotTakeYetIsSentAgainAndTheMessageAcknowledged() {
        module.run(
                context -> {
                    FlakyTransport transport = context.getBean(FlakyTransport.class);
                    EdgeHub hub = context.getBean(EdgeHub.class);
                    hub.input("in")
                            .subscribe(
                                    message -> {
                                        throw new InvalidMessageException("not a reading");
                                    });
                    transport.failuresLeft.set(3);
                    List<String> verdicts = new CopyOnWriteArrayList<>();

                    context.getBean(InboundListener.class)
                            .onInput("in", message(), recording(verdicts));

                    await().atMost(Duration.ofSeconds(5))
                            .until(() -> verdicts.equals(List.of("acknowledged")));
                    assertThat(transport.sentTo).containsExactly("deadLetter");
                    assertThat(
                                    context.getBean(MeterRegistry.class)
                                            .counter("edge.messages.dead-lettered", "input", "in")
                                            .count())
                            .isEqualTo(1);
                });
    }

    private static Message<byte[]> message() {
        return MessageBuilder.withPayload("{}".getBytes(StandardCharsets.UTF_8))
                .setHeader(EdgeHeaders.PROPERTIES, Map.of("case", "hub away"))
                .build();
    }

    /** Records what the module told the transport about one message. */
    static InboundListener.Acknowledgement recording(List<String> verdicts) {
        return new InboundListener.Acknowledgement() {
            @Override
            public void acknowledge() {
                verdicts.add("acknowledged");
            }

            @Override
            public void leaveWithHub() {
                verdicts.add("left with the hub");
            }
        };
    }
}
