package io.edgejava.hub.broker;

import com.codahale.metrics.Counter;
import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import io.edgejava.hub.HubProperties;
import io.edgejava.hub.identity.ConnectionTracker;
import io.edgejava.hub.identity.ModuleAuthenticator;
import io.edgejava.hub.identity.ModuleSubscriptionAuthorizer;
import io.edgejava.hub.iothub.IotHubDialect;
import io.edgejava.hub.iothub.IotHubEndpoint;
import io.edgejava.hub.twin.TwinStore;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs HiveMQ CE inside the hub's JVM, with its data in {@code hub.data-dir/broker} so that
 * sessions, queued messages and retained desired properties survive a restart.
 */
public final class EmbeddedBroker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);

    /** HiveMQ's counter of the messages it dropped. */
    private static final String DROPPED = "com.hivemq.messages.dropped.count";

    private final HubProperties properties;
    private final HubExtension extension;
    private final TwinStore twins;
    private final MeterRegistry meters;
    private final Optional<IotHubEndpoint> iotHub;
    private volatile EmbeddedHiveMQ hivemq;

    public EmbeddedBroker(
            HubProperties properties,
            ModuleAuthenticator authenticator,
            ModuleSubscriptionAuthorizer subscriptions,
            ConnectionTracker connections,
            HubPublishInterceptor publishes,
            IotHubDialect iotHubDialect,
            Optional<IotHubEndpoint> iotHub,
            TwinStore twins,
            MeterRegistry meters) {
        this.properties = properties;
        this.iotHub = iotHub;
        this.extension =
                new HubExtension(
                        authenticator, subscriptions, connections, publishes, iotHubDialect);
        this.twins = twins;
        this.meters = meters;
    }

    @Override
    public void start() {
        Path data = properties.dataDir().toAbsolutePath();
        try {
            Path config = data.resolve("broker-config");
            BrokerConfiguration.write(
                    properties.mqtt(),
                    iotHub.map(IotHubEndpoint::prepareListeners).orElse(""),
                    config);
            Path extensions = Files.createDirectories(data.resolve("broker-extensions"));
            hivemq =
                    EmbeddedHiveMQ.builder()
                            .withConfigurationFolder(config)
                            .withDataFolder(Files.createDirectories(data.resolve("broker")))
                            .withExtensionsFolder(extensions)
                            .withEmbeddedExtension(
                                    EmbeddedExtension.builder()
                                            .withId("local-edge-hub")
                                            .withName("local-edge-hub")
                                            .withVersion("1")
                                            .withPriority(1000)
                                            .withStartPriority(1000)
                                            .withAuthor("local-edge-hub")
                                            .withExtensionMain(extension)
                                            .build())
                            // Boot owns logging; without this HiveMQ reconfigures Logback.
                            .withoutLoggingBootstrap()
                            .build();
            hivemq.start().get();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the broker's folders in " + data, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the broker", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "The MQTT broker did not start (is port "
                            + properties.mqtt().port()
                            + " or "
                            + properties.mqtt().websocketPort()
                            + " taken?): "
                            + e.getCause().getMessage(),
                    e.getCause());
        }
        bindDropCounters();
        twins.deliverAll().join();
        iotHub.ifPresent(IotHubEndpoint::start);
        log.info(
                "MQTT broker listening on {}:{} (TCP){}; data in {}",
                properties.mqtt().bindAddress(),
                properties.mqtt().port(),
                properties.mqtt().websocketPort() == 0
                        ? ""
                        : " and :"
                                + properties.mqtt().websocketPort()
                                + properties.mqtt().websocketPath()
                                + " (WebSocket)",
                data);
    }

    /**
     * HiveMQ CE keeps one counter of dropped messages; it logs each drop with its reason on the
     * logger {@code event.message-dropped} (see hub-logback.xml).
     */
    private void bindDropCounters() {
        Counter dropped = hivemq.getMetricRegistry().getCounters().get(DROPPED);
        if (dropped == null) {
            throw new IllegalStateException("HiveMQ has no metric " + DROPPED + " to watch");
        }
        FunctionCounter.builder("hub.broker.messages.dropped", dropped, Counter::getCount)
                .description("Messages the broker dropped: queue full, expired, too large, ...")
                .register(meters);
    }

    @Override
    public void stop() {
        EmbeddedHiveMQ running = hivemq;
        hivemq = null;
        if (running == null) {
            return;
        }
        iotHub.ifPresent(IotHubEndpoint::stop);
        try {
            running.close();
        } catch (ExecutionException e) {
            log.warn("The broker did not stop cleanly", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return hivemq != null;
    }
}
