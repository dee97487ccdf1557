package io.edgejava.edge;

/** Status 404: the target module is not connected to the hub, so nobody can answer. */
public final class ModuleNotConnectedException extends DirectMethodException {

    /**
     * @param message the hub's explanation
     */
    public ModuleNotConnectedException(String message) {
        super(404, message);
    }
}
