package io.edgejava.sqlwriter;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Writes readings and batch files to SQL Server (or PostgreSQL, or H2) by the database's DNS name,
 * bypassing the hub.
 */
@SpringBootApplication
public class SqlWriterModuleApplication {

    public static void main(String[] args) {
        SpringApplication.run(SqlWriterModuleApplication.class, args);
    }
}
