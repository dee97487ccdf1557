package io.edgejava.hub.identity;

/**
 * The read-only identity for watching traffic with any MQTT client: user name {@value #USER},
 * password {@code ModuleKeys.keyOf("$observer")}, a client id that starts with {@value #USER}.
 * Observers may subscribe to any topic and publish to none. Module ids cannot start with {@code $}
 * in IoT Edge, so the name never clashes with a module.
 */
public final class Observers {

    /** The observers' user name, and the prefix of their client ids. */
    public static final String USER = "$observer";

    private Observers() {}

    /**
     * @param clientId an authenticated client's id
     * @return whether the client is an observer
     */
    public static boolean isObserver(String clientId) {
        return clientId.startsWith(USER);
    }
}
