/**
 * A test-only module that plays a peer answering {@code GetStats} for the caller's tests: it
 * answers, throws, or takes longer than the caller waits.
 */
package io.edgejava.peers.stats;
