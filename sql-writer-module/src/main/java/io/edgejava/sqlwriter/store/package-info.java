/**
 * The database, reached directly by its DNS name ({@code sql} under compose and on a device), not
 * through the hub: the schema (one Flyway migration set per vendor), idempotent batched inserts,
 * the translation of an outage into "retry later", and the direct method {@code GetStats}.
 */
package io.edgejava.sqlwriter.store;
