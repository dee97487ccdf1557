package io.edgejava.hub.upstream;

import java.time.Instant;
import java.util.Map;

/**
 * A message a route sent to {@code $upstream}.
 *
 * @param receivedAt when the hub routed it
 * @param module the module that sent it
 * @param output the output it was sent on
 * @param route the route that sent it upstream
 * @param properties its system and application properties
 * @param body its body as UTF-8 text
 */
public record UpstreamMessage(
        Instant receivedAt,
        String module,
        String output,
        String route,
        Map<String, String> properties,
        String body) {}
