package io.edgejava.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark command's options, from system properties {@code benchmark.*} (the Maven profile
 * passes {@code -Dbenchmark.x=...} through).
 *
 * @param sections which sections run, in the order given
 * @param messages messages per routing throughput run
 * @param inFlight unacknowledged QoS 1 messages at most, per client
 * @param rate messages per second of the latency run
 * @param latencyMessages messages of the latency run
 * @param window how long the pipeline is measured, and the footprint's load lasts
 * @param batchFiles claim-checked files of the batch run
 * @param batchRows rows per file
 * @param calls direct method calls per run
 * @param idle how long the applications idle before their memory is read
 * @param mosquitto the Mosquitto executable
 * @param postgresUrl a PostgreSQL JDBC URL, or empty to skip PostgreSQL
 * @param postgresUser its user
 * @param postgresPassword its password
 */
record Options(
        List<String> sections,
        int messages,
        int inFlight,
        int rate,
        int latencyMessages,
        Duration window,
        int batchFiles,
        int batchRows,
        int calls,
        Duration idle,
        String mosquitto,
        String postgresUrl,
        String postgresUser,
        String postgresPassword) {

    static final List<String> ALL_SECTIONS =
            List.of("routing", "latency", "pipeline", "methods", "footprint");

    static Options fromSystemProperties() {
        return new Options(
                Arrays.stream(text("sections", String.join(",", ALL_SECTIONS)).split(","))
                        .map(section -> section.trim().toLowerCase(Locale.ROOT))
                        .filter(section -> !section.isEmpty())
                        .toList(),
                number("messages", 20_000),
                number("in-flight", 10),
                number("rate", 500),
                number("latency-messages", 5_000),
                Duration.ofSeconds(number("window", 20)),
                number("batch-files", 20),
                number("batch-rows", 5_000),
                number("calls", 1_000),
                Duration.ofSeconds(number("idle", 10)),
                text("mosquitto", "/usr/sbin/mosquitto"),
                text("postgres.url", ""),
                text("postgres.user", "postgres"),
                text("postgres.password", ""));
    }

    /**
     * @return the options as {@code -D} arguments, so that a printed run says how to repeat it
     */
    String asArguments() {
        String database =
                postgresUrl.isEmpty()
                        ? ""
                        : " -Dbenchmark.postgres.url="
                                + postgresUrl
                                + " -Dbenchmark.postgres.user="
                                + postgresUser;
        return String.format(
                        Locale.ROOT,
                        "-Dbenchmark.sections=%s -Dbenchmark.messages=%d -Dbenchmark.in-flight=%d"
                                + " -Dbenchmark.rate=%d -Dbenchmark.latency-messages=%d"
                                + " -Dbenchmark.window=%d -Dbenchmark.batch-files=%d"
                                + " -Dbenchmark.batch-rows=%d -Dbenchmark.calls=%d -Dbenchmark.idle=%d",
                        String.join(",", sections),
                        messages,
                        inFlight,
                        rate,
                        latencyMessages,
                        window.toSeconds(),
                        batchFiles,
                        batchRows,
                        calls,
                        idle.toSeconds())
                + database;
    }

    private static String text(String name, String otherwise) {
        String value = System.getProperty("benchmark." + name);
        return value == null || value.isBlank() ? otherwise : value.trim();
    }

    private static int number(String name, int otherwise) {
        String value = text(name, Integer.toString(otherwise));
        try {
            int number = Integer.parseInt(value);
            if (number < 1) {
                throw new IllegalArgumentException(
                        "-Dbenchmark." + name + " must be at least 1, not " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "-Dbenchmark." + name + " must be a whole number, not " + value, e);
        }
    }
}
