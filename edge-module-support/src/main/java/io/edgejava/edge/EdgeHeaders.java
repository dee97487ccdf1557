package io.edgejava.edge;

/**
 * Names of the Spring message headers that carry a hub message's properties.
 *
 * <p>Application properties travel together in the {@link #PROPERTIES} header, a {@code Map<String,
 * String>}: keeping them apart from Spring's own headers means nothing is sent to the hub by
 * accident. The content type is Spring's {@link
 * org.springframework.messaging.MessageHeaders#CONTENT_TYPE}.
 */
public final class EdgeHeaders {

    /** Application properties, {@code Map<String, String>}: sent and received. */
    public static final String PROPERTIES = "edge_properties";

    /** The message id the sender gave it: sent and received. */
    public static final String MESSAGE_ID = "edge_messageId";

    /** Ties the message to another: sent and received. */
    public static final String CORRELATION_ID = "edge_correlationId";

    /** Character encoding of the body, for example {@code utf-8}: sent and received. */
    public static final String CONTENT_ENCODING = "edge_contentEncoding";

    /** When the sender created the message, ISO-8601 UTC: sent and received. */
    public static final String CREATION_TIME_UTC = "edge_creationTimeUtc";

    /** The module that sent the message, stamped by the hub from its identity: received. */
    public static final String CONNECTION_MODULE_ID = "edge_connectionModuleId";

    /** The device the sender runs on, stamped by the hub: received. */
    public static final String CONNECTION_DEVICE_ID = "edge_connectionDeviceId";

    /** The output the sender sent it on, stamped by the hub: received. */
    public static final String OUTPUT_NAME = "edge_outputName";

    /** The input it arrived on: received. */
    public static final String INPUT_NAME = "edge_inputName";

    /** When the hub accepted it, ISO-8601 UTC: received. */
    public static final String ENQUEUED_TIME_UTC = "edge_enqueuedTimeUtc";

    /** How many times this message has been handed to the flow, starting at 1: received. */
    public static final String DELIVERY_ATTEMPT = "edge_deliveryAttempt";

    private EdgeHeaders() {}
}
