package io.edgejava.sqlwriter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgejava.edge.RetryLaterException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseOutageTests {

    @Test
    void connectionFailuresAreOutages() {
        assertThat(DatabaseOutage.isOutage(new CannotGetJdbcConnectionException("down"))).isTrue();
        assertThat(
                        DatabaseOutage.isOutage(
                                new CannotCreateTransactionException(
                                        "no connection", new SQLException("refused", "08001"))))
                .isTrue();
        assertThat(
                        DatabaseOutage.isOutage(
                                new UncategorizedSQLException(
                                        "insert",
                                        "sql",
                                        new SQLException("link failure", "08S01"))))
                .isTrue();
    }

    @Test
    void aRefusedStatementIsNotAnOutage() {
        assertThat(DatabaseOutage.isOutage(new DataIntegrityViolationException("duplicate")))
                .isFalse();
        assertThat(
                        DatabaseOutage.isOutage(
                                new UncategorizedSQLException(
                                        "insert", "sql", new SQLException("syntax", "42000"))))
                .isFalse();
    }

    @Test
    void anOutageBecomesRetryLaterAndDiscardsTheConnections() {
        AtomicInteger discarded = new AtomicInteger();

        assertThatThrownBy(
                        () ->
                                DatabaseOutage.retryLaterWhenDown(
                                        () -> {
                                            throw new CannotGetJdbcConnectionException(
                                                    "Connection refused");
                                        },
                                        discarded::incrementAndGet))
                .isInstanceOf(RetryLaterException.class)
                .hasMessage("the database is unreachable: Connection refused");
        assertThat(discarded).hasValue(1);
    }
}
