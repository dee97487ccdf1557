package io.edgejava.sqlwriter.batch;

import java.time.Instant;

/**
 * The claim check for a batch file: {@code {"fileName":"<name>.csv","rowCount":<int>,"sha256":"<64
 * lowercase hex>","timeCreated":"<ISO-8601>"}}.
 *
 * @param fileName the file's name in the shared folder, not yet checked
 * @param rowCount its rows, header not counted
 * @param sha256 the SHA-256 of its bytes
 * @param timeCreated when the sensor wrote it
 */
record ClaimCheck(String fileName, int rowCount, String sha256, Instant timeCreated) {}
