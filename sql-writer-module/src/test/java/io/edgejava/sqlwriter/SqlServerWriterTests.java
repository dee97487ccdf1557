package io.edgejava.sqlwriter;

import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mssqlserver.MSSQLServerContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The shared database tests against SQL Server, the default under compose and on amd64 devices. The
 * URL names a database the fresh container does not have, so the writer must create it.
 */
@Testcontainers(disabledWithoutDocker = true)
class SqlServerWriterTests extends WriterDatabaseTests {

    /** Pinned to a cumulative update, so the test does not change under us. */
    static final DockerImageName IMAGE =
            DockerImageName.parse("mcr.microsoft.com/mssql/server:2022-CU14-ubuntu-22.04");

    MSSQLServerContainer database;

    @Override
    List<String> databaseSettings() {
        database = new MSSQLServerContainer(IMAGE).acceptLicense();
        try {
            database.start();
        } catch (RuntimeException e) {
            Assumptions.abort(
                    "SQL Server tests skipped: the image "
                            + IMAGE
                            + " could not be pulled or started (no registry reachable?): "
                            + e.getMessage());
        }
        return List.of(
                "--spring.datasource.url=" + database.getJdbcUrl() + ";databaseName=MeasurementsDB",
                "--spring.datasource.username=" + database.getUsername(),
                "--spring.datasource.password=" + database.getPassword());
    }

    @Override
    String databaseProductName() {
        return "Microsoft SQL Server";
    }

    @Override
    void stopDatabase() {
        if (database != null) {
            database.stop();
        }
    }
}
