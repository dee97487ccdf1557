/**
 * sql-writer-module: writes the filter's alerts (input {@code readings}) and the sensor's
 * claim-checked batch files (input {@code batches}) into a database that it reaches directly by its
 * DNS name, bypassing the hub. SQL Server by default, PostgreSQL on ARM devices, H2 when nothing is
 * configured.
 *
 * <p>It shows two connection methods: a module talking to another container by DNS name ({@link
 * io.edgejava.sqlwriter.store}), and file sharing through a host volume with a claim check ({@link
 * io.edgejava.sqlwriter.batch}).
 */
package io.edgejava.sqlwriter;
