/**
 * What makes a Spring Boot application a module: the {@code edge} settings, the auto-configuration
 * that picks a transport, and the delivery rules every transport shares (acknowledge after
 * handling, bounded retries, dead letters, direct method dispatch, twin listeners).
 */
package io.edgejava.edge.runtime;
