package io.edgejava.edge;

/**
 * Thrown by a flow when the message is fine but cannot be handled now, because something it needs
 * is down: a database, a disk, a peer service.
 *
 * <p>The module then keeps the message unacknowledged, so the hub keeps it and every message behind
 * it, and hands it to the flow again after a pause that doubles from {@code
 * edge.delivery.retry-later-backoff} up to {@code edge.delivery.retry-later-max-backoff}, for as
 * long as it takes. Such failures do not count toward {@code edge.delivery.max-attempts} and never
 * send the message to the dead-letter output: an outage is not the message's fault. When the module
 * stops meanwhile, the message stays with the hub and comes again after the restart.
 *
 * <pre>{@code
 * try {
 *     repository.save(reading);
 * } catch (CannotGetJdbcConnectionException e) {
 *     throw new RetryLaterException("the database is unreachable", e);
 * }
 * }</pre>
 */
public class RetryLaterException extends RuntimeException {

    /**
     * @param reason what is unavailable, logged once while the module waits for it
     * @param cause what found it out
     */
    public RetryLaterException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
