package io.edgejava.edge.transport;

import org.springframework.messaging.Message;

/**
 * Receives what a transport gets from the hub. Calls come on the transport's threads: return fast.
 */
public interface InboundListener {

    /**
     * A message routed to one of this module's inputs.
     *
     * @param input the input name
     * @param message payload {@code byte[]}, headers as in {@link io.edgejava.edge.EdgeHeaders}
     * @param acknowledge tells the hub the message is handled, or that it is left with the hub
     */
    void onInput(String input, Message<byte[]> message, Acknowledgement acknowledge);

    /**
     * A direct method request addressed to this module.
     *
     * @param method the method name
     * @param payload the request body
     * @param caller the calling module, as the hub stamped it
     * @param answer sends the answer; call it exactly once
     */
    void onMethod(String method, byte[] payload, String caller, MethodAnswer answer);

    /**
     * The module's desired properties, whole, with their {@code $version}.
     *
     * @param document a JSON object
     */
    void onDesiredProperties(byte[] document);

    /**
     * How the module tells the transport what became of one input message: exactly one of the two
     * calls, once the module is done with it.
     */
    @FunctionalInterface
    interface Acknowledgement {

        /** The message is handled: the hub may forget it. */
        void acknowledge();

        /**
         * The module will not handle the message now (it is stopping, or the hub refused its dead
         * letter): the hub keeps it and delivers it again after a reconnect. A transport whose
         * client must hear about every message, as the Azure IoT Device SDK's waiting receive
         * thread must, acts on it; for the others there is nothing to do.
         */
        default void leaveWithHub() {}
    }

    /** Sends the answer to one direct method request. */
    @FunctionalInterface
    interface MethodAnswer {
        /**
         * @param status the status code
         * @param payload the answer body, JSON
         */
        void answer(int status, byte[] payload);
    }
}
