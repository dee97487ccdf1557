package io.edgejava.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a reader needs to compare figures across machines: CPU, memory, OS, Java, and how busy. */
final class Machine {

    private Machine() {}

    static void print() {
        Table table = new Table("machine", "");
        table.row("CPU", cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
        table.row("memory", memoryGigabytes());
        table.row("OS", operatingSystem());
        table.row(
                "Java",
                System.getProperty("java.vm.name")
                        + " "
                        + System.getProperty("java.runtime.version"));
        table.row("Spring Boot", org.springframework.boot.SpringBootVersion.getVersion());
        table.row("load average at start", loadAverage());
        table.print();
    }

    /**
     * @return the 1-minute load average, or "unknown": above the core count, the figures of this
     *     run compete with other work
     */
    static String loadAverage() {
        return firstLine(Path.of("/proc/loadavg"))
                .map(line -> line.split(" ")[0])
                .orElse("unknown");
    }

    private static String cpuModel() {
        return lines(Path.of("/proc/cpuinfo")).stream()
                .filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .findFirst()
                .orElse(System.getProperty("os.arch"));
    }

    private static String memoryGigabytes() {
        return lines(Path.of("/proc/meminfo")).stream()
                .filter(line -> line.startsWith("MemTotal:"))
                .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                .map(kilobytes -> String.format(Locale.ROOT, "%.1f GB", kilobytes / 1024.0 / 1024))
                .findFirst()
                .orElse("unknown");
    }

    private static String operatingSystem() {
        String name =
                lines(Path.of("/etc/os-release")).stream()
                        .filter(line -> line.startsWith("PRETTY_NAME="))
                        .map(line -> line.substring(line.indexOf('=') + 1).replace("\"", ""))
                        .findFirst()
                        .orElse(System.getProperty("os.name"));
        return name + ", kernel " + System.getProperty("os.version");
    }

    private static Optional<String> firstLine(Path file) {
        return lines(file).stream().findFirst();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException | SecurityException e) {
            return List.of();
        }
    }
}
