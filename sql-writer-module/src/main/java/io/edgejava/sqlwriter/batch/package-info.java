/**
 * Input {@code batches}: file sharing through a host volume with a claim check. The sensor writes a
 * batch file into the shared folder and sends only a small message naming it (route {@code
 * batchesToWriter}); the writer checks the name, verifies the file's SHA-256 and row count, inserts
 * all rows in one transaction, and moves the file to {@code done/} (or a corrupt one to {@code
 * rejected/}).
 */
package io.edgejava.sqlwriter.batch;
