package io.edgejava.sensor.batch;

import java.time.Instant;

/**
 * The message on output {@code batchOutput} that stands for a batch file: the reader finds the file
 * by name in the shared folder and checks it against the row count and digest.
 *
 * @param fileName the file's name in the shared folder, without a folder part
 * @param rowCount how many samples it holds, header not counted
 * @param sha256 the SHA-256 of the file's bytes, 64 lowercase hex digits
 * @param timeCreated when the file was completed
 */
record ClaimCheck(String fileName, int rowCount, String sha256, Instant timeCreated) {}
