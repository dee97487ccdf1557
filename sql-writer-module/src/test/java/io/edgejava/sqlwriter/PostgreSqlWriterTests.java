package io.edgejava.sqlwriter;

import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** The shared database tests against PostgreSQL, the database for ARM devices. */
@Testcontainers(disabledWithoutDocker = true)
class PostgreSqlWriterTests extends WriterDatabaseTests {

    /** Pinned, so a new major version cannot change the test under us. */
    static final DockerImageName IMAGE = DockerImageName.parse("postgres:17-alpine");

    PostgreSQLContainer database;

    @Override
    List<String> databaseSettings() {
        database = new PostgreSQLContainer(IMAGE);
        try {
            database.start();
        } catch (RuntimeException e) {
            Assumptions.abort(
                    "PostgreSQL tests skipped: the image "
                            + IMAGE
                            + " could not be pulled or started (no registry reachable?): "
                            + e.getMessage());
        }
        return List.of(
                "--spring.datasource.url=" + database.getJdbcUrl(),
                "--spring.datasource.username=" + database.getUsername(),
                "--spring.datasource.password=" + database.getPassword());
    }

    @Override
    String databaseProductName() {
        return "PostgreSQL";
    }

    @Override
    void stopDatabase() {
        if (database != null) {
            database.stop();
        }
    }
}
