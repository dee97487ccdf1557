package io.edgejava.sqlwriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.edgejava.edge.contract.SystemProperties;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database goes away mid-stream and comes back: the writer keeps the messages unacknowledged
 * meanwhile, writes every one when the database is back, none twice, and dead-letters nothing. H2
 * runs as a TCP server here, so that the test can stop and start it like a database container.
 */
class DatabaseDownIntegrationTests {

    static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir Path databaseFolder;

    @TempDir Path batches;

    Server database;
    WriterFixture fixture;

    @AfterEach
    void stop() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
        if (database != null) {
            database.stop();
        }
    }

    Server startDatabase(int port) throws Exception {
        return Server.createTcpServer(
                        "-tcp",
                        "-tcpPort",
                        Integer.toString(port),
                        "-baseDir",
                        databaseFolder.toString(),
                        "-ifNotExists")
                .start();
    }

    @Test
    void whileTheDatabaseIsDownReadingsWaitAndAreWrittenOnceWhenItIsBack() throws Exception {
        int port = freePort();
        database = startDatabase(port);
        fixture =
                new WriterFixture(
                        batches,
                        List.of(
                                "--spring.datasource.url=jdbc:h2:tcp://127.0.0.1:"
                                        + port
                                        + "/readings",
                                "--spring.datasource.hikari.connection-timeout=1000",
                                "--spring.datasource.hikari.validation-timeout=500",
                                "--edge.delivery.retry-later-backoff=200ms",
                                "--edge.delivery.retry-later-max-backoff=1s"));
        String marker = UUID.randomUUID().toString();
        List<String> messageIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            messageIds.add(publish(marker, 30.0 + i));
        }
        await().atMost(WAIT).until(() -> allWritten(messageIds));

        database.stop();
        // Asked before the backlog builds up: with readings unacknowledged, the local hub was seen
        // to hold the method request back until they were (a 504), see the module's README.
        WriterFixture.Answer stats = fixture.getStats();
        assertThat(stats.status()).isEqualTo(503);
        assertThat(stats.body().path("payload").path("message").asString())
                .startsWith("the database is unreachable");
        for (int i = 0; i < 5; i++) {
            messageIds.add(publish(marker, 40.0 + i));
        }
        await().atMost(WAIT)
                .untilAsserted(
                        () ->
                                assertThat(
                                                fixture.health()
                                                        .path("components")
                                                        .path("db")
                                                        .path("status")
                                                        .asString())
                                        .isEqualTo("DOWN"));

        database = startDatabase(port);

        await().atMost(WAIT).until(() -> allWritten(messageIds));
        for (String messageId : messageIds) {
            assertThat(fixture.rowsOf(messageId)).as(messageId).isEqualTo(2);
        }
        assertThat(fixture.hub.deadLetters(marker)).isEmpty();
        assertThat(fixture.health().path("components").path("db").path("status").asString())
                .isEqualTo("UP");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    String publish(String marker, double temperature) throws Exception {
        String messageId = UUID.randomUUID().toString();
        fixture.publishAlert(
                WriterFixture.reading(temperature),
                Map.of(SystemProperties.MESSAGE_ID, messageId, "marker", marker));
        return messageId;
    }

    boolean allWritten(List<String> messageIds) {
        try {
            return messageIds.stream().allMatch(id -> fixture.rowsOf(id) == 2);
        } catch (RuntimeException databaseStillDown) {
            return false;
        }
    }
}
