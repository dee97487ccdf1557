package io.edgejava.benchmarks;

import static io.edgejava.benchmarks.Table.decimal;

import io.edgejava.hub.HubFixture;
import io.edgejava.hub.broker.BareBroker;
import io.edgejava.hub.testing.LocalHub;
import java.util.Locale;

/**
 * Routed latency at a fixed rate, below saturation: what one message waits, rather than what a
 * queue adds. The bare broker at the same rate shows what the route itself adds.
 */
final class LatencySection {

    private final Options options;

    LatencySection(Options options) {
        this.options = options;
    }

    void run() throws Exception {
        int count = options.latencyMessages();
        int rate = options.rate();
        int warmup = Math.max(500, count / 10);
        System.out.printf(
                Locale.ROOT,
                "#### Routed latency at a fixed rate%n%n%,d messages of %d bytes at %,d msg/s (paced by"
                        + " a scheduler), QoS 1, after %,d warm-up messages; publish to arrival,"
                        + " same JVM clock.%n%n",
                count,
                MqttLoad.PAYLOAD_BYTES,
                rate,
                warmup);
        MqttLoad.Result routed;
        try (LocalHub hub = BenchmarkHub.start()) {
            MqttLoad.atFixedRate(BenchmarkHub.oneRoute(hub), warmup, options.inFlight(), rate);
            routed =
                    MqttLoad.atFixedRate(
                            BenchmarkHub.oneRoute(hub), count, options.inFlight(), rate);
        }
        MqttLoad.Result plain;
        int port = HubFixture.freePort();
        try (BareBroker broker = BareBroker.start(port)) {
            MqttLoad.Path path = BenchmarkHub.plain("tcp://127.0.0.1:" + port, 1);
            MqttLoad.atFixedRate(path, warmup, options.inFlight(), rate);
            plain = MqttLoad.atFixedRate(path, count, options.inFlight(), rate);
        }
        Table table =
                new Table("path", "msg/s", "p50 ms", "p99 ms", "max ms", "lost", "duplicated");
        row(table, "hub, one route", routed);
        row(table, "HiveMQ CE, plain publish/subscribe", plain);
        table.print();
    }

    private static void row(Table table, String name, MqttLoad.Result result) {
        table.row(
                name,
                decimal(result.perSecond(), 0),
                decimal(result.latencies().millis(0.50), 2),
                decimal(result.latencies().millis(0.99), 2),
                decimal(result.latencies().maxMillis(), 2),
                result.lost(),
                result.duplicated());
    }
}
