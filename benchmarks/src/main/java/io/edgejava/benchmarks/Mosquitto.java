package io.edgejava.benchmarks;

import io.edgejava.hub.HubFixture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Mosquitto from the machine's packages (Debian's {@code mosquitto}), started on a free loopback
 * port with a generated configuration: the yardstick of a C broker under the same client. The
 * benchmark never installs it; without it, this comparison is skipped.
 */
final class Mosquitto implements AutoCloseable {

    private final Process process;
    private final int port;

    private Mosquitto(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static boolean isInstalled(String executable) {
        return Files.isExecutable(Path.of(executable));
    }

    static String version(String executable) {
        try {
            Process help = new ProcessBuilder(executable, "-h").redirectErrorStream(true).start();
            String output =
                    new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            help.waitFor(10, TimeUnit.SECONDS);
            return output.lines()
                    .filter(line -> line.contains("version"))
                    .findFirst()
                    .map(String::trim)
                    .orElse("mosquitto");
        } catch (IOException e) {
            return "mosquitto";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "mosquitto";
        }
    }

    static Mosquitto start(String executable) throws IOException {
        int port = HubFixture.freePort();
        Path folder = Files.createTempDirectory("benchmark-mosquitto");
        Path configuration = folder.resolve("mosquitto.conf");
        // As the hub's broker: loopback only, no persistence, and a queue long enough that a
        // subscriber falling behind never loses a message (Mosquitto's default is 1,000).
        // TCP_NODELAY as the hub's Netty and the client's socket factory set it.
        Files.writeString(
                configuration,
                String.join(
                        "\n",
                        "listener " + port + " 127.0.0.1",
                        "allow_anonymous true",
                        "persistence false",
                        "max_queued_messages 1000000",
                        "set_tcp_nodelay true",
                        "log_dest stderr",
                        "log_type error",
                        "log_type warning",
                        ""));
        Process process =
                new ProcessBuilder(executable, "-c", configuration.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(folder.resolve("mosquitto.log").toFile())
                        .start();
        Mosquitto mosquitto = new Mosquitto(process, port);
        try {
            Waiting.until(
                    "Mosquitto listening on port " + port + " (log: " + folder + ")",
                    Duration.ofSeconds(20),
                    Duration.ofMillis(50),
                    () -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException(
                                    "Mosquitto exited; see " + folder.resolve("mosquitto.log"));
                        }
                        return accepts(port);
                    });
        } catch (RuntimeException e) {
            mosquitto.close();
            throw e;
        }
        return mosquitto;
    }

    String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
