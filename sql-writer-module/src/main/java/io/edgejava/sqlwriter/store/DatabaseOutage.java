package io.edgejava.sqlwriter.store;

import io.edgejava.edge.RetryLaterException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a database that cannot be reached from a message it refuses.
 *
 * <p>When the database is down, the message is fine: it is turned into a {@link
 * RetryLaterException}, so the module keeps it unacknowledged and hands it over again until the
 * database is back. Any other failure (a constraint, a bad statement) keeps the normal rules:
 * retries, then the dead-letter output.
 */
public final class DatabaseOutage {

    /** SQL state class 08: connection exception, in every vendor's driver. */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";

    private DatabaseOutage() {}

    /**
     * @param failure what a database call threw
     * @return whether it says the database cannot be reached (now), rather than that the call was
     *     wrong
     */
    public static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotGetJdbcConnectionException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessException
                    || cause instanceof RecoverableDataAccessException
                    || cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * Runs a database call, turning an outage into {@link RetryLaterException}.
     *
     * @param call the call
     * @param onOutage runs when the call failed because the database is down
     * @return what it returned
     */
    static <T> T retryLaterWhenDown(java.util.function.Supplier<T> call, Runnable onOutage) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            if (isOutage(e)) {
                onOutage.run();
                throw new RetryLaterException("the database is unreachable: " + rootMessage(e), e);
            }
            throw e;
        }
    }

    /**
     * @param failure a failure
     * @return the message of its deepest cause, which is the one that names the problem
     */
    public static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
