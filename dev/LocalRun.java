import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Runs local-edge-hub and the four sample modules on this machine, without Docker: one command
 * from a fresh clone, with nothing but JDK 17 or newer.
 *
 * <pre>
 * java dev/LocalRun.java              build, start everything, show the logs and the pipeline's figures; Ctrl-C stops
 * java dev/LocalRun.java --no-build   start from the jars already built
 * java dev/LocalRun.java --verify     start, wait until data went through every connection, stop; exit 1 if it did not
 * java dev/LocalRun.java --keys       print each module's key under the hub's development key
 * </pre>
 *
 * <p>The database is H2 (a file under target/local-run), the shared batch folder is
 * target/local-run/shared-batches, the hub's data folder target/local-run/hub-data. Ports: MQTT
 * 1883, MQTT over WebSocket 8083, hub admin API 8080, direct-method-caller 8081, the modules'
 * actuators 8091-8093.
 */
public class LocalRun {

    /**
     * The published local-only development key of local-edge-hub (ModuleKeys.LOCAL_DEVELOPMENT_KEY).
     * A module's key is base64(HMAC-SHA256(hub key, module id)), as the README documents; a test
     * in local-edge-hub checks that this program derives the keys the hub expects.
     */
    static final String HUB_DEVELOPMENT_KEY = "bG9jYWwtZGV2ZWxvcG1lbnQta2V5LW5vdC1hLXNlY3JldA==";

    static final String HUB = "http://127.0.0.1:8080";
    static final String CALLER = "http://127.0.0.1:8081";
    static final List<String> MODULES =
            List.of("sql-writer-module", "filter-module", "direct-method-caller", "sensor-module");
    static final Duration VERIFY_WITHIN = Duration.ofMinutes(3);

    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path RUN = ROOT.resolve("target/local-run");
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static final List<Process> PROCESSES = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        List<String> options = List.of(args);
        if (options.contains("--keys")) {
            for (String module : MODULES) {
                System.out.println(module + " " + keyOf(module));
            }
            return;
        }
        if (!Files.isRegularFile(ROOT.resolve("deployment.template.json"))) {
            fail("run this from the repository root (where deployment.template.json is)");
        }
        if (!options.contains("--no-build")) {
            build();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(LocalRun::stopAll, "stop-all"));

        Files.createDirectories(RUN.resolve("shared-batches"));
        start(
                "local-edge-hub",
                "local-edge-hub/target/local-edge-hub-exec.jar",
                "--hub.manifest=deployment.template.json",
                "--hub.data-dir=" + RUN.resolve("hub-data"));
        awaitHealthy("local-edge-hub", HUB + "/actuator/health", Duration.ofSeconds(90));
        for (String module : MODULES) {
            start(module, module + "/target/" + module + "-exec.jar", moduleSettings(module));
        }
        banner();

        if (options.contains("--verify")) {
            boolean verified = verify();
            stopAll();
            System.exit(verified ? 0 : 1);
        }
        while (true) {
            TimeUnit.SECONDS.sleep(20);
            System.out.println(yellow("[pipeline] " + figures()));
        }
    }

    static String[] moduleSettings(String module) {
        List<String> settings = new ArrayList<>();
        settings.add("--edge.module-id=" + module);
        settings.add("--edge.transport=mqtt");
        settings.add("--edge.hub-url=tcp://127.0.0.1:1883");
        settings.add("--edge.key=" + keyOf(module));
        switch (module) {
            case "sensor-module" ->
                    settings.add("--sensor.batch.folder=" + RUN.resolve("shared-batches"));
            case "sql-writer-module" -> {
                settings.add("--writer.batch.folder=" + RUN.resolve("shared-batches"));
                settings.add(
                        "--spring.datasource.url=jdbc:h2:file:"
                                + RUN.resolve("sql-writer-data/readings"));
            }
            default -> {}
        }
        return settings.toArray(String[]::new);
    }

    static void build() throws Exception {
        boolean windows = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win");
        String wrapper = ROOT.resolve(windows ? "mvnw.cmd" : "mvnw").toString();
        System.out.println(yellow("Building (./mvnw -B -q -DskipTests package)..."));
        Process build =
                new ProcessBuilder(wrapper, "-B", "-q", "-DskipTests", "package")
                        .directory(ROOT.toFile())
                        .inheritIO()
                        .start();
        if (build.waitFor() != 0) {
            fail("the build failed; see above");
        }
    }

    static void start(String name, String jar, String... settings) throws IOException {
        if (!Files.isRegularFile(ROOT.resolve(jar))) {
            fail(jar + " is missing: run without --no-build, or ./mvnw -B -DskipTests package");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Five JVMs on a laptop: small heaps, and the quick JIT tier for a fast start.
        command.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        command.addAll(List.of("-jar", jar));
        command.addAll(List.of(settings));
        // Five logs side by side: the time, the level, the class and the message are enough.
        command.add("--logging.pattern.console=%d{HH:mm:ss.SSS} %-5level %-20.20logger{0} %msg%n");
        Process process =
                new ProcessBuilder(command)
                        .directory(ROOT.toFile())
                        .redirectErrorStream(true)
                        .start();
        PROCESSES.add(process);
        Thread printer =
                new Thread(
                        () -> {
                            String prefix = colour(name) + " ";
                            try (BufferedReader lines =
                                    new BufferedReader(
                                            new InputStreamReader(
                                                    process.getInputStream(),
                                                    StandardCharsets.UTF_8))) {
                                for (String line; (line = lines.readLine()) != null; ) {
                                    System.out.println(prefix + line);
                                }
                            } catch (IOException e) {
                                // The process ended; its exit is reported below.
                            }
                        },
                        name + "-log");
        printer.setDaemon(true);
        printer.start();
        process.onExit()
                .thenAccept(
                        ended -> {
                            if (!stopping) {
                                System.out.println(
                                        red(
                                                name
                                                        + " exited with code "
                                                        + ended.exitValue()
                                                        + " (a port in use? see its last lines"
                                                        + " above)"));
                            }
                        });
    }

    static volatile boolean stopping;

    static void stopAll() {
        if (stopping) {
            return;
        }
        stopping = true;
        // Modules first, so that they disconnect from a running hub; the hub last.
        List<Process> reversed = new ArrayList<>(PROCESSES);
        java.util.Collections.reverse(reversed);
        for (Process process : reversed) {
            process.destroy();
        }
        for (Process process : reversed) {
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
            }
        }
    }

    static void awaitHealthy(String name, String url, Duration within) throws Exception {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (PROCESSES.stream().anyMatch(process -> !process.isAlive())) {
                fail(name + " did not start; see its log above");
            }
            HttpResponse<String> health = get(url);
            if (health != null && health.statusCode() == 200) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        fail(name + " was not healthy within " + within.toSeconds() + " s");
    }

    /**
     * Waits until data went through every connection method: routes, the database by DNS name,
     * direct methods and the shared folder.
     */
    static boolean verify() throws Exception {
        Instant deadline = Instant.now().plus(VERIFY_WITHIN);
        List<String> missing = List.of("nothing checked yet");
        while (Instant.now().isBefore(deadline)) {
            missing = new ArrayList<>();
            String modules = body(get(HUB + "/api/modules"));
            for (String module : MODULES) {
                if (!modules.contains("\"module\":\"" + module + "\",\"connected\":true")) {
                    missing.add(module + " is not connected");
                }
            }
            String writer = body(post(HUB + "/api/modules/sql-writer-module/methods/GetStats"));
            if (number(writer, "readingsWritten") < 1) {
                missing.add("no reading in the database yet");
            }
            if (number(writer, "batchesInserted") < 1) {
                missing.add("no batch file inserted yet");
            }
            String routes = body(get(HUB + "/api/routes"));
            if (delivered(routes, "alertsToCaller") < 1) {
                missing.add("no alert routed to direct-method-caller yet");
            }
            // GetStats, not Reset: resetting the machine every few seconds would keep it below
            // the threshold, and no alert would ever come.
            HttpResponse<String> stats = post(CALLER + "/invoke/filter-module/GetStats");
            if (stats == null || stats.statusCode() != 200) {
                missing.add("POST /invoke/filter-module/GetStats on the caller did not answer 200");
            }
            if (missing.isEmpty()) {
                System.out.println(green("Verified: " + figures()));
                System.out.println(green("The caller's GetStats of filter-module: " + stats.body()));
                return true;
            }
            TimeUnit.SECONDS.sleep(5);
        }
        System.out.println(red("Not verified within " + VERIFY_WITHIN.toSeconds() + " s: " + missing));
        return false;
    }

    static String figures() {
        String routes = body(get(HUB + "/api/routes"));
        String writer = body(post(HUB + "/api/modules/sql-writer-module/methods/GetStats"));
        String filter = body(post(HUB + "/api/modules/filter-module/methods/GetStats"));
        return String.format(
                Locale.ROOT,
                "readings to filter %d, alerts to writer %d, to caller %d, batch files %d | filter"
                        + " forwarded %d of %d | database: %d readings, %d batch files, %d rows",
                delivered(routes, "sensorToFilter"),
                delivered(routes, "alertsToWriter"),
                delivered(routes, "alertsToCaller"),
                delivered(routes, "batchesToWriter"),
                number(filter, "forwarded"),
                number(filter, "received"),
                number(writer, "readingsWritten"),
                number(writer, "batchesInserted"),
                number(writer, "rowsWritten"));
    }

    static void banner() {
        System.out.println(
                green(
                        """

                        Everything is starting. Watch the logs below, or ask the hub:
                          curl -s %1$s/api/modules                      # who is connected
                          curl -s %1$s/api/routes                       # routes with counters
                          curl -s %1$s/api/upstream                     # what routes sent to $upstream
                          curl -s -X POST %1$s/api/modules/sql-writer-module/methods/GetStats
                          curl -s -X POST %2$s/invoke/filter-module/GetStats -H 'Content-Type: application/json' -d '{}'
                          curl -s -X PATCH %1$s/api/twins/filter-module/desired -H 'Content-Type: application/json' -d '{"TemperatureThreshold": 30}'
                        Ctrl-C stops everything.
                        """
                                .formatted(HUB, CALLER)));
    }

    // --- small helpers: no dependency, so that this file runs as it is

    static HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    static HttpResponse<String> post(String url) {
        return send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")));
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(
                    request.timeout(Duration.ofSeconds(15)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static String body(HttpResponse<String> response) {
        return response == null ? "" : response.body();
    }

    static long number(String json, String field) {
        Matcher matcher = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }

    static long delivered(String routes, String route) {
        Matcher matcher =
                Pattern.compile("\"name\":\"" + route + "\"[^}]*\"delivered\":(\\d+)").matcher(routes);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }

    static String keyOf(String module) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(HUB_DEVELOPMENT_KEY), "HmacSHA256"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(module.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    static void fail(String reason) {
        System.err.println(red("LocalRun: " + reason));
        stopAll();
        System.exit(1);
    }

    static final boolean COLOUR = System.console() != null && System.getenv("NO_COLOR") == null;

    static String colour(String name) {
        int code = 31 + Math.floorMod(name.hashCode(), 6);
        String label = String.format("%-21s|", name);
        return COLOUR ? "\u001b[" + code + "m" + label + "\u001b[0m" : label;
    }

    static String green(String text) {
        return COLOUR ? "\u001b[32m" + text + "\u001b[0m" : text;
    }

    static String yellow(String text) {
        return COLOUR ? "\u001b[33m" + text + "\u001b[0m" : text;
    }

    static String red(String text) {
        return COLOUR ? "\u001b[31m" + text + "\u001b[0m" : text;
    }
}
