package io.edgejava.edge.runtime;

import static org.awaitility.Awaitility.await;

import io.edgejava.edge.transport.EdgeTransport;
import io.edgejava.edge.transport.InboundListener;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.integration.support.MessageBuilder;

/**
 * The module tells its transport what became of every input message, also when it is neither
 * handled nor dead-lettered: a transport whose client waits for that verdict (the Azure IoT Device
 * SDK's receive thread) must not wait for ever.
 */
class InputAcknowledgementTests {

    private final ApplicationContextRunner module =
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(EdgeModuleAutoConfiguration.class))
                    .withPropertyValues("edge.module-id=alpha")
                    .withBean(EdgeTransport.class, ModuleInputsTests.UnconnectedTransport::new);

    @Test
    void aMessageThatCannotEvenBeDeadLetteredIsLeftWithTheHubAndTheTransportIsTold() {
        module.run(
                context -> {
                    List<String> verdicts = new CopyOnWriteArrayList<>();
                    InboundListener hub = context.getBean(InboundListener.class);

                    // No flow reads this input, and the transport cannot send the dead letter.
                    hub.onInput(
                            "nobodyReadsThis",
                            MessageBuilder.withPayload("{}".getBytes(StandardCharsets.UTF_8))
                                    .build(),
                            HubAwayDeliveryTests.recording(verdicts));

                    await().atMost(Duration.ofSeconds(5))
                            .until(() -> verdicts.equals(List.of("left with the hub")));
                });
    }
}
