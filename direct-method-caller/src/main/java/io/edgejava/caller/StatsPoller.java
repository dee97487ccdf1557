package io.edgejava.caller;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;

/**
 * Asks each configured module for its stats on a schedule. It starts once the module is connected
 * (application ready) and every round fires its calls without waiting for them, so a slow or absent
 * peer delays nothing and a failure is only logged and counted.
 */
class StatsPoller {

    private static final Logger log = LoggerFactory.getLogger(StatsPoller.class);

    private final MethodCaller caller;
    private final CallerProperties.Stats settings;
    private final TaskScheduler scheduler;
    private volatile ScheduledFuture<?> schedule;

    StatsPoller(MethodCaller caller, CallerProperties.Stats settings, TaskScheduler scheduler) {
        this.caller = caller;
        this.settings = settings;
        this.scheduler = scheduler;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        log.info(
                "Calling {} on {} every {}",
                settings.method(),
                settings.modules(),
                DurationStyle.SIMPLE.print(settings.interval()));
        schedule =
                scheduler.scheduleAtFixedRate(
                        this::poll, Instant.now().plus(settings.interval()), settings.interval());
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        ScheduledFuture<?> running = schedule;
        if (running != null) {
            running.cancel(false);
        }
    }

    void poll() {
        for (String module : settings.modules()) {
            // A task that throws is never run again by the scheduler; nothing here may throw.
            try {
                caller.call(
                        module,
                        settings.method(),
                        Map.of(),
                        settings.timeout(),
                        "Scheduled " + settings.method());
            } catch (RuntimeException e) {
                log.error("Scheduled {} on {} could not start", settings.method(), module, e);
            }
        }
    }
}
