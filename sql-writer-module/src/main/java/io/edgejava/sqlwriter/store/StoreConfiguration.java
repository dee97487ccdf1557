package io.edgejava.sqlwriter.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The database: which vendor, its migrations, and the store on top. */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StoreConfiguration.class);

    @Bean
    Vendor vendor(DataSourceProperties dataSource) {
        String url = dataSource.determineUrl();
        Vendor vendor = Vendor.of(url);
        log.info("Writing to {} at {}", vendor, withoutSecrets(url));
        return vendor;
    }

    /**
     * One migration set per vendor, chosen here rather than only in {@code application.yml}, so
     * that a yml of another module in the same JVM cannot point the writer at the wrong set.
     */
    @Bean
    FlywayConfigurationCustomizer migrationsOfTheVendor(Vendor vendor) {
        return configuration -> configuration.locations(vendor.migrations());
    }

    /** On SQL Server, the database must exist before Flyway can connect to it. */
    @Bean
    FlywayMigrationStrategy createTheDatabaseThenMigrate(
            Vendor vendor, DataSourceProperties dataSource) {
        return flyway -> {
            if (vendor == Vendor.SQLSERVER) {
                try {
                    SqlServerDatabase.createIfMissing(
                            dataSource.determineUrl(),
                            dataSource.determineUsername(),
                            dataSource.determinePassword());
                } catch (SQLException e) {
                    throw new IllegalStateException(
                            "cannot create the database named in spring.datasource.url"
                                    + " (SPRING_DATASOURCE_URL): "
                                    + e.getMessage(),
                            e);
                }
            }
            flyway.migrate();
        };
    }

    @Bean
    MeasurementStore measurementStore(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            InsertedBatchFileRepository batchFiles,
            Vendor vendor,
            DataSource dataSource) {
        return new MeasurementStore(
                jdbc,
                new TransactionTemplate(transactions),
                batchFiles,
                vendor,
                Clock.systemUTC(),
                () -> discardConnections(dataSource));
    }

    /**
     * Soft eviction closes idle connections now and busy ones when they are returned, so that no
     * connection from before an outage is used after it.
     */
    static void discardConnections(DataSource dataSource) {
        if (dataSource instanceof HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
            hikari.getHikariPoolMXBean().softEvictConnections();
        }
    }

    @Bean
    WriterStatistics writerStatistics(
            MeasurementRepository measurements,
            InsertedBatchFileRepository batchFiles,
            JdbcTemplate jdbc,
            RefusedMessages refused) {
        return new WriterStatistics(measurements, batchFiles, jdbc, refused);
    }

    @Bean
    RefusedMessages refusedMessages() {
        return new RefusedMessages();
    }

    /** A URL may carry a password; the log gets everything up to the first property. */
    static String withoutSecrets(String url) {
        for (int i = 0; i < url.length(); i++) {
            if (url.charAt(i) == ';' || url.charAt(i) == '?') {
                return url.substring(0, i);
            }
        }
        return url;
    }
}
