package io.edgejava.edge.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.edgejava.edge.EdgeHeaders;
import io.edgejava.edge.EdgeHub;
import io.edgejava.edge.EdgeJson;
import io.edgejava.edge.MethodFailedException;
import io.edgejava.edge.MethodResponse;
import io.edgejava.edge.MethodTimedOutException;
import io.edgejava.edge.ModuleNotConnectedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * What every transport must do, run against a real hub. A transport's test extends this class and
 * says how to start a module and reach the hub.
 *
 * <p>The hub under test deploys modules {@code alpha}, {@code beta} and {@code gamma} (never
 * started), with these routes:
 *
 * <pre>
 * alpha/outputs/out           -> beta/inputs/in
 * alpha/outputs/toFailing     -> beta/inputs/failing
 * alpha/outputs/toDependent   -> beta/inputs/needsDependency
 * beta/outputs/deadLetter     -> alpha/inputs/deadLetters
 * </pre>
 *
 * and beta's desired properties {@code {"threshold": 10}}.
 */
public abstract class TransportContract {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final List<ConfigurableApplicationContext> modules = new ArrayList<>();
    protected final String tag = UUID.randomUUID().toString();

    /** Starts module {@code moduleId} ({@link ContractModule}) connected to the hub under test. */
    protected abstract ConfigurableApplicationContext startModule(String moduleId);

    /** Patches a module's desired properties through the hub's admin interface. */
    protected abstract void patchDesired(String moduleId, String patchJson);

    /**
     * @return a module's reported properties, as the hub's admin interface shows them (JSON)
     */
    protected abstract String reportedProperties(String moduleId);

    /** Stops the hub and starts it again on the same data. */
    protected abstract void restartHub();

    private ConfigurableApplicationContext module(String moduleId) {
        ConfigurableApplicationContext context = startModule(moduleId);
        modules.add(context);
        return context;
    }

    @AfterEach
    void stopModules() {
        modules.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void aMessageSentToAnOutputArrivesOnTheRoutedInputWithItsProperties() {
        ConfigurableApplicationContext alpha = module("alpha");
        ConfigurableApplicationContext beta = module("beta");

        send(alpha, "out", Map.of("kind", "reading"));

        Message<?> received = awaitOne(beta, ContractModule.IN);
        MessageHeaders headers = received.getHeaders();
        assertThat(headers.get(EdgeHeaders.PROPERTIES)).isEqualTo(Map.of("kind", "reading"));
        assertThat(headers.get(EdgeHeaders.CONNECTION_MODULE_ID)).isEqualTo("alpha");
        assertThat(headers.get(EdgeHeaders.OUTPUT_NAME)).isEqualTo("out");
        assertThat(headers.get(EdgeHeaders.INPUT_NAME)).isEqualTo(ContractModule.IN);
        assertThat(headers.get(MessageHeaders.CONTENT_TYPE)).isEqualTo(EdgeJson.CONTENT_TYPE);
        assertThat(headers.get(EdgeHeaders.CONTENT_ENCODING)).isEqualTo(EdgeJson.CONTENT_ENCODING);
        assertThat(headers.get(EdgeHeaders.MESSAGE_ID)).isEqualTo("message-" + tag);
        assertThat(headers.get(EdgeHeaders.DELIVERY_ATTEMPT)).isEqualTo(1);
    }

    @Test
    void aFlowThatKeepsFailingIsRetriedThenTheMessageIsDeadLetteredWithTheReason() {
        ConfigurableApplicationContext alpha = module("alpha");
        ConfigurableApplicationContext beta = module("beta");

        send(alpha, "toFailing", Map.of("kind", "doomed"));

        Message<?> deadLetter = awaitOne(alpha, ContractModule.DEAD_LETTERS);
        @SuppressWarnings("unchecked")
        Map<String, String> properties =
                (Map<String, String>) deadLetter.getHeaders().get(EdgeHeaders.PROPERTIES);
        assertThat(properties)
                .containsEntry("kind", "doomed")
                .containsEntry("deadLetterInput", ContractModule.FAILING)
                .containsEntry("deadLetterAttempts", "3")
                .containsEntry("deadLetterSource", "alpha");
        assertThat(properties.get("deadLetterReason")).contains("the failing flow failed");
        assertThat(beta.getBean(Inbox.class).on(ContractModule.FAILING, tag)).hasSize(3);
    }

    @Test
    void aMessageWhoseDependencyIsDownWaitsUnacknowledgedUntilItIsBackAndIsNeverDeadLettered() {
        ConfigurableApplicationContext alpha = module("alpha");
        ConfigurableApplicationContext beta = module("beta");
        ContractModule.Dependency dependency = beta.getBean(ContractModule.Dependency.class);
        dependency.setUp(false);

        send(alpha, "toDependent", Map.of("kind", "patient"));
        // More tries than edge.delivery.max-attempts: a normal failure would be dead-lettered now.
        await().atMost(WAIT).until(() -> dependency.tries() > 4);
        assertThat(alpha.getBean(Inbox.class).on(ContractModule.DEAD_LETTERS, tag)).isEmpty();

        dependency.setUp(true);
        Message<?> handled = awaitOne(beta, ContractModule.NEEDS_DEPENDENCY);
        assertThat(handled.getHeaders().get(EdgeHeaders.DELIVERY_ATTEMPT)).isEqualTo(1);
        assertThat(beta.getBean(Inbox.class).on(ContractModule.NEEDS_DEPENDENCY, tag)).hasSize(1);
        assertThat(alpha.getBean(Inbox.class).on(ContractModule.DEAD_LETTERS, tag)).isEmpty();
    }

    @Test
    void aModuleThatWasStoppedGetsWhatWasRoutedToItMeanwhile() {
        module("beta").close();
        ConfigurableApplicationContext alpha = module("alpha");
        for (int i = 0; i < 5; i++) {
            send(alpha, "out", Map.of("i", Integer.toString(i)));
        }

        ConfigurableApplicationContext beta = module("beta");

        await().atMost(WAIT)
                .until(() -> beta.getBean(Inbox.class).on(ContractModule.IN, tag).size() == 5);
    }

    @Test
    void directMethodsAnswerWithTheHandlersStatusOrATypedFailure() {
        ConfigurableApplicationContext alpha = module("alpha");
        module("beta");
        EdgeHub hub = alpha.getBean(EdgeHub.class);
        Duration timeout = Duration.ofSeconds(5);

        MethodResponse echo = hub.invoke("beta", "Echo", Map.of("text", tag), timeout).join();
        assertThat(echo.status()).isEqualTo(200);
        assertThat(echo.payloadAsString()).contains(tag);

        assertThat(hub.invoke("beta", "Teapot", Map.of(), timeout).join().status()).isEqualTo(418);
        assertThat(hub.invoke("beta", "NoSuchMethod", Map.of(), timeout).join().status())
                .isEqualTo(501);

        assertThatThrownBy(() -> hub.invoke("beta", "Fail", Map.of(), timeout).join())
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOf(MethodFailedException.class)
                .hasMessageContaining("Fail fails on purpose");
        assertThatThrownBy(() -> hub.invoke("gamma", "Echo", Map.of(), timeout).join())
                .cause()
                .isInstanceOf(ModuleNotConnectedException.class)
                .hasMessageContaining("gamma");
        assertThatThrownBy(() -> hub.invoke("beta", "Hang", Map.of(), Duration.ofSeconds(1)).join())
                .cause()
                .isInstanceOf(MethodTimedOutException.class)
                .hasMessageContaining("Hang");
    }

    @Test
    void desiredPropertiesArriveAtStartAndAfterEveryPatch() {
        Inbox beta = module("beta").getBean(Inbox.class);
        await().atMost(WAIT).until(() -> !beta.desired().isEmpty());
        assertThat(beta.desired().get(0).properties().has("threshold")).isTrue();
        long version = beta.desired().get(beta.desired().size() - 1).version();

        patchDesired("beta", "{\"threshold\": 20, \"tag\": \"" + tag + "\"}");

        await().atMost(WAIT)
                .until(
                        () ->
                                beta.desired().stream()
                                        .anyMatch(
                                                d ->
                                                        d.version() > version
                                                                && d.properties()
                                                                        .path("tag")
                                                                        .asString()
                                                                        .equals(tag)
                                                                && d.properties()
                                                                                .path("threshold")
                                                                                .asInt()
                                                                        == 20));
    }

    @Test
    void reportedPropertiesShowInTheHub() {
        EdgeHub alpha = module("alpha").getBean(EdgeHub.class);

        alpha.reportProperties(Map.of("tag", tag)).join();

        await().atMost(WAIT).until(() -> reportedProperties("alpha").contains(tag));
    }

    @Test
    void modulesReconnectAfterTheHubRestarts() {
        ConfigurableApplicationContext alpha = module("alpha");
        ConfigurableApplicationContext beta = module("beta");

        restartHub();

        await().atMost(WAIT)
                .until(
                        () ->
                                alpha.getBean(EdgeHub.class).isConnected()
                                        && beta.getBean(EdgeHub.class).isConnected());
        send(alpha, "out", Map.of());
        awaitOne(beta, ContractModule.IN);
    }

    private void send(
            ConfigurableApplicationContext module, String output, Map<String, String> properties) {
        EdgeJson json = module.getBean(EdgeJson.class);
        Message<byte[]> message =
                org.springframework.integration.support.MessageBuilder.fromMessage(
                                json.message(Map.of("tag", tag), properties))
                        .setHeader(EdgeHeaders.MESSAGE_ID, "message-" + tag)
                        .build();
        module.getBean(EdgeHub.class).output(output).send(message);
    }

    private Message<?> awaitOne(ConfigurableApplicationContext module, String input) {
        Inbox inbox = module.getBean(Inbox.class);
        await().atMost(WAIT).until(() -> !inbox.on(input, tag).isEmpty());
        return inbox.on(input, tag).get(0).message();
    }
}
