package io.edgejava.sensor.telemetry;

import io.edgejava.edge.DesiredProperties;
import io.edgejava.edge.DesiredPropertiesListener;
import io.edgejava.edge.EdgeHub;
import io.edgejava.edge.EdgeJson;
import io.edgejava.sensor.batch.BatchPublisher;
import io.edgejava.sensor.simulation.MachineSimulator;
import io.edgejava.sensor.simulation.Sample;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;

/**
 * Sends a reading every interval, on a {@link TaskScheduler} rather than in a sleeping loop, so
 * that a new {@code SendInterval} from the twin takes effect at once: the pending run is cancelled
 * and the next one is due one new interval from now.
 *
 * <p>The machine runs whether or not readings are sent ({@code SendData: false} pauses the
 * readings, not the machine). A reading the hub does not take is logged and skipped: the schedule
 * goes on, and the sequence number counts only readings the hub accepted, so the receiver sees no
 * gaps. After {@code sensor.message-count} accepted readings the schedule ends for good.
 */
final class ReadingSchedule implements DesiredPropertiesListener {

    /**
     * The output readings go to; the routes {@code sensorToFilter}, {@code overheatingUpstream}.
     */
    static final String OUTPUT = "temperatureOutput";

    private static final Logger log = LoggerFactory.getLogger(ReadingSchedule.class);

    private final MachineSimulator machine;
    private final BatchPublisher batches;
    private final EdgeHub hub;
    private final EdgeJson json;
    private final TaskScheduler scheduler;
    private final long messageCount;
    private final String batchId = UUID.randomUUID().toString();
    private final AtomicLong sent = new AtomicLong();
    // Readings skipped since the hub last took one: an outage is logged once, not once a reading.
    private final AtomicLong skippedInARow = new AtomicLong();
    private volatile SendSettings settings;

    // Guarded by this.
    private ScheduledFuture<?> pending;
    private boolean running;
    private volatile boolean finished;

    ReadingSchedule(
            SendSettings initial,
            long messageCount,
            MachineSimulator machine,
            BatchPublisher batches,
            EdgeHub hub,
            EdgeJson json,
            TaskScheduler scheduler) {
        this.settings = initial;
        this.messageCount = messageCount;
        this.machine = machine;
        this.batches = batches;
        this.hub = hub;
        this.json = json;
        this.scheduler = scheduler;
    }

    /** Starts once the module is connected, which it is when the application is ready. */
    @EventListener(ApplicationReadyEvent.class)
    synchronized void start() {
        running = true;
        report(settings);
        log.info(
                "Sensor run {}: {} readings every {}s{}",
                batchId,
                messageCount < 0 ? "unlimited" : Long.toString(messageCount),
                SendSettings.seconds(settings.interval()),
                settings.sendData() ? "" : ", paused (SendData is false)");
        if (messageCount == 0) {
            finish();
            return;
        }
        scheduleNext();
    }

    @EventListener(ContextClosedEvent.class)
    synchronized void stop() {
        running = false;
        cancelPending();
    }

    @Override
    public void onDesiredProperties(DesiredProperties desired) {
        SendSettings.Update update;
        synchronized (this) {
            update = settings.withDesired(desired.properties());
            apply(update.settings());
        }
        update.ignored().forEach(reason -> log.warn("Ignoring {}", reason));
    }

    private synchronized void apply(SendSettings changed) {
        SendSettings before = settings;
        settings = changed;
        if (changed.sendData() != before.sendData()) {
            log.info(
                    changed.sendData()
                            ? "SendData is true: sending readings again"
                            : "SendData is false: readings paused until the twin sets it to true");
        }
        if (!changed.interval().equals(before.interval())) {
            log.info(
                    "SendInterval is now {}s (was {}s)",
                    SendSettings.seconds(changed.interval()),
                    SendSettings.seconds(before.interval()));
            if (running && !finished) {
                cancelPending();
                scheduleNext();
            }
        }
        report(changed);
    }

    /** Reports under the lock, so that the twin's reported values end as the ones in effect. */
    private void report(SendSettings inEffect) {
        hub.reportProperties(inEffect.reported())
                .whenComplete(
                        (done, failure) -> {
                            if (failure != null) {
                                log.warn(
                                        "Could not report {} to the twin: {}",
                                        inEffect.reported(),
                                        failure.getMessage());
                            }
                        });
    }

    private void scheduleNext() {
        pending =
                scheduler.scheduleWithFixedDelay(
                        this::sendReading,
                        scheduler.getClock().instant().plus(settings.interval()),
                        settings.interval());
    }

    private void cancelPending() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    private void finish() {
        finished = true;
        cancelPending();
        log.info(
                "Sent {} readings, as sensor.message-count asks; the sensor sends no more",
                sent.get());
    }

    /** One run of the schedule; it must not throw, or the scheduler would drop the schedule. */
    void sendReading() {
        if (finished) {
            return;
        }
        try {
            Sample sample = machine.next();
            SendSettings now = settings;
            if (!now.sendData()) {
                return;
            }
            long sequence = sent.get() + 1;
            try {
                hub.output(OUTPUT).send(Reading.of(sample).toMessage(json, sequence, batchId));
            } catch (RuntimeException e) {
                skipped(sequence, e);
                return;
            }
            sent.set(sequence);
            long outage = skippedInARow.getAndSet(0);
            if (outage > 0) {
                log.info("The hub takes readings again; {} were skipped while it did not", outage);
            }
            log.info(
                    "Sent reading {} (machine {} °C)",
                    sequence,
                    String.format(Locale.ROOT, "%.1f", sample.machineTemperature()));
            batches.afterReading(batchId, sequence, sample, now.interval());
            if (messageCount >= 0 && sequence >= messageCount) {
                synchronized (this) {
                    finish();
                }
            }
        } catch (RuntimeException e) {
            log.error("A reading failed; the schedule goes on", e);
        }
    }

    /**
     * Logs the first reading of an outage at WARN with the hub's reason, the others at DEBUG: at
     * the fastest interval a hub restart would otherwise write a hundred warnings a second.
     */
    private void skipped(long sequence, RuntimeException reason) {
        if (skippedInARow.incrementAndGet() == 1) {
            log.warn(
                    "Reading {} not sent, the hub did not take it: {}. Readings are skipped, not"
                            + " queued, until the hub takes one again; how many is logged then",
                    sequence,
                    reason.getMessage());
        } else {
            log.debug("Reading {} not sent either: {}", sequence, reason.getMessage());
        }
    }

    /**
     * @return how many readings the hub accepted so far
     */
    long sent() {
        return sent.get();
    }

    /**
     * @return the settings in effect
     */
    SendSettings settings() {
        return settings;
    }
}
