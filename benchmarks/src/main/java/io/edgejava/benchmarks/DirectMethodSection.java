package io.edgejava.benchmarks;

import static io.edgejava.benchmarks.Table.decimal;
import static io.edgejava.hub.testing.LocalHub.NO_DATABASE;

import io.edgejava.caller.DirectMethodCallerApplication;
import io.edgejava.edge.EdgeHub;
import io.edgejava.edge.MethodResponse;
import io.edgejava.filter.FilterModuleApplication;
import io.edgejava.hub.testing.LocalHub;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Direct method round trips, one call after another: direct-method-caller's {@link EdgeHub#invoke}
 * → hub → filter-module's GetStats (which answers at once) → hub → caller; and the same method
 * through the hub's admin API over HTTP.
 */
final class DirectMethodSection {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Options options;

    DirectMethodSection(Options options) {
        this.options = options;
    }

    void run() throws Exception {
        int calls = options.calls();
        int warmup = Math.max(100, calls / 10);
        System.out.printf(
                Locale.ROOT,
                "#### Direct method round trip%n%n%,d calls of filter-module's GetStats, one after"
                        + " another, after %,d warm-up calls; in one JVM with the hub.%n%n",
                calls,
                warmup);
        Table table =
                new Table("caller → hub → filter-module", "calls/s", "p50 ms", "p99 ms", "max ms");
        try (LocalHub hub = LocalHub.withProjectManifest()) {
            try (ConfigurableApplicationContext target =
                            hub.runModule(
                                    FilterModuleApplication.class, "filter-module", NO_DATABASE);
                    ConfigurableApplicationContext caller =
                            hub.runModule(
                                    DirectMethodCallerApplication.class,
                                    "direct-method-caller",
                                    NO_DATABASE,
                                    // Its own scheduled calls would mingle with the measured ones.
                                    "--caller.stats.interval=24h")) {
                EdgeHub edge = caller.getBean(EdgeHub.class);
                Callable<Void> invoke =
                        () -> {
                            MethodResponse response =
                                    edge.invoke("filter-module", "GetStats", Map.of(), TIMEOUT)
                                            .get(TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
                            if (response.status() != 200) {
                                throw new IllegalStateException(
                                        "GetStats answered " + response.status());
                            }
                            return null;
                        };
                row(table, "direct-method-caller, EdgeHub.invoke (MQTT)", invoke, warmup, calls);
                RestClient admin = hub.admin();
                Callable<Void> adminCall =
                        () -> {
                            admin.post()
                                    .uri(
                                            "/api/modules/filter-module/methods/GetStats"
                                                    + "?timeoutSeconds="
                                                    + TIMEOUT.toSeconds())
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .body("{}")
                                    .retrieve()
                                    .toBodilessEntity();
                            return null;
                        };
                row(
                        table,
                        "hub admin API, POST …/methods/GetStats (HTTP)",
                        adminCall,
                        warmup,
                        calls);
            }
        }
        table.print();
    }

    private static void row(Table table, String name, Callable<Void> call, int warmup, int calls)
            throws Exception {
        for (int i = 0; i < warmup; i++) {
            call.call();
        }
        long[] nanos = new long[calls];
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            long before = System.nanoTime();
            call.call();
            nanos[i] = System.nanoTime() - before;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Latencies latencies = new Latencies(nanos);
        table.row(
                name,
                decimal(calls / seconds, 0),
                decimal(latencies.millis(0.50), 2),
                decimal(latencies.millis(0.99), 2),
                decimal(latencies.maxMillis(), 2));
    }
}
