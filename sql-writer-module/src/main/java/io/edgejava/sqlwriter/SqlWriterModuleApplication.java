package io.edgejava.sqlwriter;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.PropertySource;

/**
 * Writes readings and batch files to SQL Server (or PostgreSQL, or H2) by the database's DNS name,
 * bypassing the hub.
 *
 * <p>The default database URL lives in {@code sql-writer-module-defaults.properties} rather than in
 * {@code application.yml}: when several modules run in one JVM (the pipeline test), another
 * module's {@code application.yml} can shadow this one, and the writer would then fall back to an
 * in-memory database without anyone noticing. A {@code @PropertySource} ranks below every {@code
 * application.yml}, environment variable and command-line argument, so it is only the default.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@PropertySource("classpath:sql-writer-module-defaults.properties")
public class SqlWriterModuleApplication {

    public static void main(String[] args) {
        SpringApplication.run(SqlWriterModuleApplication.class, args);
    }
}
