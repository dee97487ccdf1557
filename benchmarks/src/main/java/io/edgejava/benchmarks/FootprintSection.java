package io.edgejava.benchmarks;

import static io.edgejava.benchmarks.Table.decimal;

import io.edgejava.hub.HubFixture;
import io.edgejava.hub.identity.ModuleKeys;
import io.edgejava.hub.testing.LocalHub;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each application's exec jar as its own process, as on a device: the time from launch to {@code
 * /actuator/health} UP (one after the other, the hub first, so that no start-up competes with
 * another), and the resident memory ({@code VmRSS}) at idle and under load.
 */
final class FootprintSection {

    private static final List<String> MODULES =
            List.of("sql-writer-module", "filter-module", "direct-method-caller", "sensor-module");

    /** The images' JVM: serial GC, and a heap of 75 % of the compose memory limit. */
    private static final List<String> JVM =
            List.of("-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");

    private static final String HUB_HEAP = "-Xmx384m";
    private static final String MODULE_HEAP = "-Xmx288m";
    private static final Duration START_LIMIT = Duration.ofMinutes(3);
    private static final Duration RAMP = Duration.ofSeconds(5);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ModuleKeys KEYS = new ModuleKeys(ModuleKeys.LOCAL_DEVELOPMENT_KEY);

    private final Options options;

    FootprintSection(Options options) {
        this.options = options;
    }

    /** One application's process and what was measured of it. */
    private static final class Application {
        final String name;
        final String heap;
        final Process process;
        final Path log;
        double startSeconds;
        long idleKilobytes;
        long peakKilobytes;
        long ticksAtLoadStart;
        double cpuPercent;

        Application(String name, String heap, Process process, Path log) {
            this.name = name;
            this.heap = heap;
            this.process = process;
            this.log = log;
        }
    }

    void run() throws Exception {
        Path root = LocalHub.projectManifest().getParent();
        System.out.printf(
                Locale.ROOT,
                "#### Start-up time and memory%n%nEach application's exec jar as its own process"
                        + " (%s, heap 75 %% of the compose memory limit), started one after the"
                        + " other, the hub first; start-up = launch to /actuator/health UP. Idle ="
                        + " %d s after the last start, the sensor at the manifest's SendInterval."
                        + " Under load = the pipeline at its fastest (SendInterval %s s, all"
                        + " readings pass, batch files on) for %d s after a %d s ramp: peak"
                        + " VmRSS, CPU in %% of one core.%n%n",
                String.join(" ", JVM),
                options.idle().toSeconds(),
                PipelineSection.FASTEST_SEND_INTERVAL,
                options.window().toSeconds(),
                RAMP.toSeconds());
        List<String> missing = new ArrayList<>();
        for (String name : names()) {
            if (!Files.isRegularFile(jar(root, name))) {
                missing.add(jar(root, name).toString());
            }
        }
        if (!missing.isEmpty()) {
            System.out.println(
                    "Start-up and memory skipped: missing "
                            + missing
                            + " (the benchmark command builds them with -am).");
            System.out.println();
            return;
        }

        Path run = Files.createTempDirectory("benchmark-footprint");
        Path shared = Files.createDirectories(run.resolve("shared-batches"));
        int mqttPort = HubFixture.freePort();
        int hubPort = HubFixture.freePort();
        List<Application> applications = new ArrayList<>();
        try {
            applications.add(
                    start(
                            root,
                            run,
                            "local-edge-hub",
                            HUB_HEAP,
                            hubPort,
                            List.of(
                                    "--hub.manifest=" + root.resolve("deployment.template.json"),
                                    "--hub.data-dir=" + run.resolve("hub-data"),
                                    "--hub.mqtt.bind-address=127.0.0.1",
                                    "--hub.mqtt.port=" + mqttPort,
                                    "--hub.mqtt.websocket-port=" + HubFixture.freePort())));
            for (String module : MODULES) {
                int port = HubFixture.freePort();
                List<String> settings = new ArrayList<>();
                settings.add("--edge.module-id=" + module);
                settings.add("--edge.transport=mqtt");
                settings.add("--edge.hub-url=tcp://127.0.0.1:" + mqttPort);
                settings.add("--edge.key=" + KEYS.keyOf(module));
                if (module.equals("sensor-module")) {
                    settings.add("--sensor.batch.folder=" + shared);
                }
                if (module.equals("sql-writer-module")) {
                    settings.add("--writer.batch.folder=" + shared);
                    settings.add(
                            "--spring.datasource.url=jdbc:h2:file:"
                                    + run.resolve("sql-writer-data/readings"));
                }
                applications.add(start(root, run, module, MODULE_HEAP, port, settings));
            }

            Waiting.during(options.idle());
            for (Application application : applications) {
                application.idleKilobytes = residentKilobytes(application);
            }

            String hub = "http://127.0.0.1:" + hubPort;
            patch(hub + "/api/twins/sensor-module/desired", "{\"SendInterval\": 0.01}");
            patch(hub + "/api/twins/filter-module/desired", "{\"TemperatureThreshold\": -1000}");
            Waiting.during(RAMP);
            long written0 = readingsWritten(hub);
            // The writer's count is as of its answer, which can come seconds late under load.
            long answered0 = System.nanoTime();
            for (Application application : applications) {
                application.ticksAtLoadStart = cpuTicks(application);
            }
            long start = System.nanoTime();
            Waiting.during(
                    options.window(),
                    Duration.ofSeconds(1),
                    () -> {
                        for (Application application : applications) {
                            application.peakKilobytes =
                                    Math.max(
                                            application.peakKilobytes,
                                            residentKilobytes(application));
                        }
                    });
            double seconds = (System.nanoTime() - start) / 1e9;
            // The CPU times first: asking the writer for its count can take seconds under load,
            // and that time is not part of the window.
            for (Application application : applications) {
                // /proc counts CPU time in clock ticks of 1/100 s on Linux.
                application.cpuPercent =
                        (cpuTicks(application) - application.ticksAtLoadStart) / seconds;
            }
            long written1 = readingsWritten(hub);
            double countedSeconds = (System.nanoTime() - answered0) / 1e9;

            Table table =
                    new Table(
                            "application",
                            "heap",
                            "start-up s",
                            "RSS idle MB",
                            "RSS under load MB",
                            "CPU under load %");
            for (Application application : applications) {
                table.row(
                        application.name,
                        application.heap.substring("-Xmx".length()),
                        decimal(application.startSeconds, 1),
                        decimal(application.idleKilobytes / 1024.0, 0),
                        decimal(application.peakKilobytes / 1024.0, 0),
                        decimal(application.cpuPercent, 0));
            }
            table.print();
            System.out.println(
                    written0 < 0 || written1 < 0
                            ? "Under load, the writer's GetStats did not answer within 30 s, so its"
                                    + " readings/s are not known."
                            : String.format(
                                    Locale.ROOT,
                                    "Under load, the writer wrote %s readings/s (its GetStats),"
                                            + " besides the batch files.",
                                    decimal((written1 - written0) / countedSeconds, 1)));
            System.out.println();
        } finally {
            stop(applications);
        }
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        names.add("local-edge-hub");
        names.addAll(MODULES);
        return names;
    }

    private static Path jar(Path root, String name) {
        return root.resolve(name).resolve("target").resolve(name + "-exec.jar");
    }

    private static Application start(
            Path root, Path run, String name, String heap, int port, List<String> settings)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(heap);
        command.addAll(JVM);
        command.addAll(List.of("-jar", jar(root, name).toString()));
        command.addAll(settings);
        command.add("--server.address=127.0.0.1");
        command.add("--server.port=" + port);
        Path log = run.resolve(name + ".log");
        long launched = System.nanoTime();
        Process process =
                new ProcessBuilder(command)
                        .directory(run.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        Application application = new Application(name, heap, process, log);
        String health = "http://127.0.0.1:" + port + "/actuator/health";
        Waiting.until(
                name + " UP at " + health + " (log: " + log + ")",
                START_LIMIT,
                Duration.ofMillis(50),
                () -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited; see " + log);
                    }
                    HttpResponse<String> response =
                            send(HttpRequest.newBuilder(URI.create(health)));
                    return response != null
                            && response.statusCode() == 200
                            && response.body().contains("\"UP\"");
                });
        application.startSeconds = (System.nanoTime() - launched) / 1e9;
        return application;
    }

    private static long residentKilobytes(Application application) {
        try {
            return Files.readAllLines(
                            Path.of("/proc", Long.toString(application.process.pid()), "status"))
                    .stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst()
                    .orElse(0);
        } catch (IOException e) {
            throw new IllegalStateException(
                    application.name + " has no /proc status; did it exit? See " + application.log,
                    e);
        }
    }

    /** User and system CPU time of the process, in clock ticks (fields 14 and 15 of stat). */
    private static long cpuTicks(Application application) {
        try {
            String stat =
                    Files.readString(
                            Path.of("/proc", Long.toString(application.process.pid()), "stat"));
            // The command name in parentheses may hold spaces; the fields after it do not.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException e) {
            throw new IllegalStateException(application.name + " has no /proc stat", e);
        }
    }

    /**
     * @return the writer's readingsWritten, or -1 when GetStats did not answer: a writer busy with
     *     batch files on a loaded machine may answer late, and one missing figure should not cost
     *     the table
     */
    private static long readingsWritten(String hub) {
        HttpResponse<String> response =
                send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                hub
                                                        + "/api/modules/sql-writer-module/methods/GetStats"
                                                        + "?timeoutSeconds=30"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{}")),
                        Duration.ofSeconds(40));
        if (response == null || response.statusCode() != 200) {
            return -1;
        }
        return JSON.readTree(response.body()).path("payload").path("readingsWritten").asLong();
    }

    private static void patch(String url, String body) {
        HttpResponse<String> response =
                send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Content-Type", "application/json")
                                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
        if (response == null || response.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    "PATCH "
                            + url
                            + " failed: "
                            + (response == null ? "no answer" : response.body()));
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, Duration.ofSeconds(15));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, Duration timeout) {
        try {
            return HTTP.send(
                    request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Modules first, so that they leave a running hub; the hub last. */
    private static void stop(List<Application> applications) {
        List<Application> reversed = new ArrayList<>(applications);
        java.util.Collections.reverse(reversed);
        for (Application application : reversed) {
            application.process.destroy();
            try {
                if (!application.process.waitFor(20, TimeUnit.SECONDS)) {
                    application.process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                application.process.destroyForcibly();
            }
        }
    }
}
