package io.edgejava.edge;

/**
 * The hub refused what the module sent: too large, not allowed for this module, or malformed. The
 * message holds the hub's reason.
 */
public class HubRefusedException extends RuntimeException {

    private final int reasonCode;

    /**
     * @param reasonCode the MQTT v5 reason code the hub answered with
     * @param message what was refused and why
     */
    public HubRefusedException(int reasonCode, String message) {
        super(message);
        this.reasonCode = reasonCode;
    }

    /**
     * @return the MQTT v5 reason code the hub answered with
     */
    public int reasonCode() {
        return reasonCode;
    }
}
