/**
 * File sharing through a host volume with the claim-check pattern: raw high-rate samples go into a
 * CSV file in the folder shared with sql-writer-module, written so that no reader ever sees half a
 * file, and only a small {@code ClaimCheck} naming the file (with its row count and SHA-256) goes
 * through the hub on output {@code batchOutput}.
 */
package io.edgejava.sensor.batch;
