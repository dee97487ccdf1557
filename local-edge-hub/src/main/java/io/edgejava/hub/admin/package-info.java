/**
 * The hub's admin API (HTTP, JSON): modules and their connections, routes with their counters,
 * twins, invoking a module's direct method from outside, and what was sent to {@code $upstream}. A
 * local development tool: it has no authentication of its own, so publish it on loopback only.
 */
package io.edgejava.hub.admin;
