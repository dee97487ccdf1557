package io.edgejava.hub.identity;

import java.util.Optional;

/**
 * Which topic filters a module may subscribe to: its own inputs, the direct method requests
 * addressed to it, the responses to its own calls, and its desired properties. Nothing that could
 * match another module's topic, its own outputs or its reported properties.
 *
 * <p>Written out level by level, rather than as a list of patterns, because a filter is allowed
 * only when every topic it could ever match is allowed.
 */
public final class SubscriptionPolicy {

    private SubscriptionPolicy() {}

    /**
     * @param module the subscribing module
     * @param filter the topic filter it asked for
     * @return empty when allowed, otherwise why not
     */
    public static Optional<String> check(String module, String filter) {
        String[] levels = filter.split("/", -1);
        boolean allowed =
                levels.length >= 3
                        && levels[0].equals("modules")
                        && levels[1].equals(module)
                        && switch (levels[2]) {
                            case "inputs", "methods" -> levels.length == 4 && !levels[3].isEmpty();
                            case "method-responses" ->
                                    levels.length == 3
                                            || (levels.length == 4 && levels[3].equals("#"));
                            case "twin" -> levels.length == 4 && levels[3].equals("desired");
                            default -> false;
                        };
        if (allowed) {
            return Optional.empty();
        }
        return Optional.of(
                "module '"
                        + module
                        + "' may subscribe only to modules/"
                        + module
                        + "/inputs/..., modules/"
                        + module
                        + "/methods/..., modules/"
                        + module
                        + "/method-responses and modules/"
                        + module
                        + "/twin/desired, not to '"
                        + filter
                        + "'");
    }
}
