package io.edgejava.benchmarks;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** Waiting for a condition or a measuring window, on a scheduler rather than a sleeping loop. */
final class Waiting {

    private static final ScheduledExecutorService SCHEDULER =
            Executors.newSingleThreadScheduledExecutor(
                    runnable -> {
                        Thread thread = new Thread(runnable, "benchmark-waiting");
                        thread.setDaemon(true);
                        return thread;
                    });

    private Waiting() {}

    /**
     * Checks {@code condition} every {@code every} until it holds.
     *
     * @throws IllegalStateException when it does not hold within {@code limit}, naming {@code what}
     */
    static void until(String what, Duration limit, Duration every, BooleanSupplier condition) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        var check =
                SCHEDULER.scheduleWithFixedDelay(
                        () -> {
                            try {
                                if (condition.getAsBoolean()) {
                                    done.complete(null);
                                }
                            } catch (RuntimeException e) {
                                done.completeExceptionally(e);
                            }
                        },
                        0,
                        every.toNanos(),
                        TimeUnit.NANOSECONDS);
        try {
            done.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + " did not happen within " + limit, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("checking " + what + " failed", e.getCause());
        } finally {
            check.cancel(false);
        }
    }

    /** Lets a measuring window pass, running {@code sample} every {@code every} meanwhile. */
    static void during(Duration window, Duration every, Runnable sample) {
        long end = System.nanoTime() + window.toNanos();
        until(
                "the end of a " + window.toSeconds() + " s window",
                window.plusSeconds(30),
                every,
                () -> {
                    sample.run();
                    return System.nanoTime() >= end;
                });
    }

    /** Lets {@code window} pass. */
    static void during(Duration window) {
        during(window, Duration.ofMillis(100), () -> {});
    }
}
