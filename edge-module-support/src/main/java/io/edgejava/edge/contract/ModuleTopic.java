package io.edgejava.edge.contract;

/**
 * A topic of the module contract, read back into its parts by {@link Topics#parse(String)}.
 *
 * @param module the module id in the topic's second level
 * @param kind what the topic is for
 * @param name the output, input or method name; {@code null} for the other kinds
 */
public record ModuleTopic(String module, Kind kind, String name) {

    /** What a module topic is for. */
    public enum Kind {
        /** {@code modules/{module}/outputs/{output}}. */
        OUTPUT,
        /** {@code modules/{module}/inputs/{input}}. */
        INPUT,
        /** {@code modules/{module}/methods/{method}}. */
        METHOD,
        /** {@code modules/{module}/method-responses}. */
        METHOD_RESPONSES,
        /** {@code modules/{module}/twin/desired}. */
        TWIN_DESIRED,
        /** {@code modules/{module}/twin/reported}. */
        TWIN_REPORTED
    }
}
