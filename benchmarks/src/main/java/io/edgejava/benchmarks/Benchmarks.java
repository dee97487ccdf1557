package io.edgejava.benchmarks;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The benchmark command. Run it with {@code ./mvnw -B -pl benchmarks -am -DskipTests -Pbenchmark
 * verify}; options are {@code -Dbenchmark.*} (see {@link Options} and docs/benchmarks.md). It
 * prints Markdown, ready to paste into docs/benchmarks.md.
 */
public final class Benchmarks {

    private Benchmarks() {}

    public static void main(String[] args) throws Exception {
        // Before anything logs: local-edge-hub's test-jar brings a logback-test.xml at INFO, and
        // per-message INFO lines of the modules would drown the tables and cost time.
        // Logback reads its property once, at its first logger; Boot warns when it is still set.
        System.setProperty("logback.configurationFile", "benchmark-logback.xml");
        org.slf4j.LoggerFactory.getILoggerFactory();
        System.clearProperty("logback.configurationFile");
        System.setProperty("logging.config", "classpath:benchmark-logback.xml");

        Options options = Options.fromSystemProperties();
        System.out.printf(
                "### Benchmark run of %s%n%n```%n./mvnw -B -pl benchmarks -am -DskipTests -Pbenchmark"
                        + " verify %s%n```%n%n",
                Instant.now().truncatedTo(ChronoUnit.MINUTES), options.asArguments());
        Machine.print();
        int failed = 0;
        for (String section : options.sections()) {
            if (!Options.ALL_SECTIONS.contains(section)) {
                throw new IllegalArgumentException(
                        "no section "
                                + section
                                + " in -Dbenchmark.sections; there are "
                                + Options.ALL_SECTIONS);
            }
        }
        for (String section : options.sections()) {
            long start = System.nanoTime();
            // One section failing (a server gone, a timeout on a loaded machine) should not cost
            // the figures of the others; the command still ends in failure.
            try {
                run(section, options);
            } catch (Exception | AssertionError e) {
                failed++;
                System.out.printf("Section %s failed: %s%n%n", section, e);
                e.printStackTrace();
            }
            System.out.printf(
                    "(%s took %d s; load average now %s)%n%n",
                    section, (System.nanoTime() - start) / 1_000_000_000L, Machine.loadAverage());
        }
        // Spring contexts and HiveMQ leave non-daemon threads behind; the figures are printed.
        System.exit(failed == 0 ? 0 : 1);
    }

    private static void run(String section, Options options) throws Exception {
        switch (section) {
            case "routing" -> new RoutingSection(options).run();
            case "latency" -> new LatencySection(options).run();
            case "pipeline" -> new PipelineSection(options).run();
            case "methods" -> new DirectMethodSection(options).run();
            case "footprint" -> new FootprintSection(options).run();
            default -> throw new IllegalArgumentException("no section " + section);
        }
    }
}
