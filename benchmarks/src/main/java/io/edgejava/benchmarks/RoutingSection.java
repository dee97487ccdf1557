package io.edgejava.benchmarks;

import static io.edgejava.benchmarks.Table.decimal;

import io.edgejava.hub.HubFixture;
import io.edgejava.hub.broker.BareBroker;
import io.edgejava.hub.testing.LocalHub;
import java.util.Locale;

/**
 * Routing throughput: 200-byte QoS 1 messages through one route and through a fan-out of three,
 * against plain publish/subscribe on the bare broker (one and three subscribers) and, when it is
 * installed, on Mosquitto, with the same client in the same run.
 */
final class RoutingSection {

    private final Options options;

    RoutingSection(Options options) {
        this.options = options;
    }

    void run() throws Exception {
        int warmup = Math.max(1_000, options.messages() / 10);
        System.out.printf(
                Locale.ROOT,
                "#### Routing throughput%n%n%,d messages of %d bytes per run, QoS 1, at most %d"
                        + " unacknowledged per client, after %,d warm-up messages (and one"
                        + " unreported run first, for the JIT); msg/s counts a message when every"
                        + " subscriber has it.%n%n",
                options.messages(),
                MqttLoad.PAYLOAD_BYTES,
                options.inFlight(),
                warmup);

        MqttLoad.Result plainOne;
        MqttLoad.Result plainThree;
        int port = HubFixture.freePort();
        try (BareBroker broker = BareBroker.start(port)) {
            String uri = "tcp://127.0.0.1:" + port;
            // The bare broker and the hub run the same HiveMQ classes in this JVM: without a
            // first, unreported run, the JIT would still be compiling during the bare broker's
            // runs and the hub, measured later, would look better than it is.
            MqttLoad.asFastAsPossible(
                    BenchmarkHub.plain(uri, 3), options.messages(), options.inFlight());
            plainOne = measure(BenchmarkHub.plain(uri, 1), warmup);
            plainThree = measure(BenchmarkHub.plain(uri, 3), warmup);
        }
        MqttLoad.Result oneRoute;
        MqttLoad.Result fanOut;
        try (LocalHub hub = BenchmarkHub.start()) {
            oneRoute = measure(BenchmarkHub.oneRoute(hub), warmup);
            fanOut = measure(BenchmarkHub.fanOutOfThree(hub), warmup);
        }
        MqttLoad.Result mosquittoOne = null;
        MqttLoad.Result mosquittoThree = null;
        String mosquittoLine;
        if (Mosquitto.isInstalled(options.mosquitto())) {
            mosquittoLine = Mosquitto.version(options.mosquitto());
            try (Mosquitto mosquitto = Mosquitto.start(options.mosquitto())) {
                mosquittoOne = measure(BenchmarkHub.plain(mosquitto.uri(), 1), warmup);
                mosquittoThree = measure(BenchmarkHub.plain(mosquitto.uri(), 3), warmup);
            }
        } else {
            mosquittoLine =
                    "Mosquitto skipped: "
                            + options.mosquitto()
                            + " is not installed (Debian: apt-get install mosquitto;"
                            + " -Dbenchmark.mosquitto=<path> for another place)";
        }

        Table table =
                new Table(
                        "path",
                        "subscribers",
                        "msg/s",
                        "deliveries/s",
                        "p50 ms",
                        "p99 ms",
                        "lost",
                        "duplicated");
        row(table, "HiveMQ CE, plain publish/subscribe", 1, plainOne);
        row(table, "HiveMQ CE, plain publish/subscribe", 3, plainThree);
        row(table, "hub, one route", 1, oneRoute);
        row(table, "hub, fan-out of three routes", 3, fanOut);
        if (mosquittoOne != null) {
            row(table, "Mosquitto, plain publish/subscribe", 1, mosquittoOne);
            row(table, "Mosquitto, plain publish/subscribe", 3, mosquittoThree);
        }
        table.print();

        Table ratios = new Table("ratio (msg/s)", "value");
        ratio(ratios, "hub one route / HiveMQ plain", oneRoute, plainOne);
        ratio(ratios, "hub fan-out of three / HiveMQ plain, three subscribers", fanOut, plainThree);
        if (mosquittoOne != null) {
            ratio(ratios, "hub one route / Mosquitto", oneRoute, mosquittoOne);
            ratio(
                    ratios,
                    "hub fan-out of three / Mosquitto, three subscribers",
                    fanOut,
                    mosquittoThree);
            ratio(ratios, "HiveMQ plain / Mosquitto", plainOne, mosquittoOne);
        }
        ratios.print();
        System.out.println(mosquittoLine);
        System.out.println();
        System.out.println(
                "Latencies here are of a saturated path (queueing included); see the next section"
                        + " for latency at a fixed rate.");
        System.out.println();
    }

    private MqttLoad.Result measure(MqttLoad.Path path, int warmup) throws Exception {
        MqttLoad.asFastAsPossible(path, warmup, options.inFlight());
        return MqttLoad.asFastAsPossible(path, options.messages(), options.inFlight());
    }

    private static void row(Table table, String name, int subscribers, MqttLoad.Result result) {
        table.row(
                name,
                subscribers,
                decimal(result.perSecond(), 0),
                decimal(result.perSecond() * subscribers, 0),
                decimal(result.latencies().millis(0.50), 2),
                decimal(result.latencies().millis(0.99), 2),
                result.lost(),
                result.duplicated());
    }

    private static void ratio(
            Table table, String name, MqttLoad.Result measured, MqttLoad.Result baseline) {
        table.row(name, decimal(measured.perSecond() / baseline.perSecond(), 2));
    }
}
