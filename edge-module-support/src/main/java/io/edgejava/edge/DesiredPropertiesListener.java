package io.edgejava.edge;

/**
 * A bean that wants the module's desired properties: it is called once they arrive after start-up,
 * and again on every change, one call at a time, never on the client's thread. To bind them into a
 * settings record, use {@link EdgeJson#convert(Object, Class)}.
 */
@FunctionalInterface
public interface DesiredPropertiesListener {

    /**
     * @param desired the full desired properties, with their version
     */
    void onDesiredProperties(DesiredProperties desired);
}
