package io.edgejava.benchmarks;

import io.edgejava.benchmarks.MqttLoad.Login;
import io.edgejava.benchmarks.MqttLoad.Subscriber;
import io.edgejava.edge.contract.Topics;
import io.edgejava.hub.testing.LocalHub;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The hub in-process with the benchmark's manifest: one route from {@code sensor} to {@code
 * filter}, and a fan-out of three routes from one output of {@code sensor} to {@code filter},
 * {@code writer} and {@code caller}.
 */
final class BenchmarkHub {

    private BenchmarkHub() {}

    static LocalHub start() throws IOException {
        Path manifest = Files.createTempFile("benchmark-manifest", ".json");
        try (InputStream resource =
                BenchmarkHub.class.getResourceAsStream("/benchmark-manifest.json")) {
            Files.write(manifest, resource.readAllBytes());
        }
        return LocalHub.start(manifest);
    }

    static MqttLoad.Path oneRoute(LocalHub hub) {
        return new MqttLoad.Path(
                hub.mqttUrl(),
                login(hub, "sensor"),
                Topics.output("sensor", "temperatureOutput"),
                List.of(new Subscriber(login(hub, "filter"), Topics.input("filter", "input1"))));
    }

    static MqttLoad.Path fanOutOfThree(LocalHub hub) {
        return new MqttLoad.Path(
                hub.mqttUrl(),
                login(hub, "sensor"),
                Topics.output("sensor", "fanOut"),
                List.of("filter", "writer", "caller").stream()
                        .map(
                                module ->
                                        new Subscriber(
                                                login(hub, module), Topics.input(module, "fanIn")))
                        .toList());
    }

    /** Plain publish/subscribe on one topic, for the bare broker and Mosquitto. */
    static MqttLoad.Path plain(String uri, int subscribers) {
        return new MqttLoad.Path(
                uri,
                Login.anonymous("publisher"),
                "benchmark/plain",
                java.util.stream.IntStream.rangeClosed(1, subscribers)
                        .mapToObj(
                                n ->
                                        new Subscriber(
                                                Login.anonymous("subscriber-" + n),
                                                "benchmark/plain"))
                        .toList());
    }

    private static Login login(LocalHub hub, String module) {
        return new Login(module, module, hub.keyOf(module));
    }
}
