/**
 * The benchmark command: measures the hub's routing against the bare broker and Mosquitto, routed
 * latency at a fixed rate, the pipeline into a database, direct method round trips, and each
 * application's start-up time and memory, and prints one Markdown table per section. It measures
 * and prints; it asserts nothing and never runs in {@code ./mvnw verify}.
 */
package io.edgejava.benchmarks;
