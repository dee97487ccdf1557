package io.edgejava.sqlwriter.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlServerDatabaseTests {

    static final String URL = "jdbc:sqlserver://sql:1433;databaseName=MeasurementsDB;encrypt=false";

    @Test
    void theDatabaseIsTakenFromTheUrl() {
        assertThat(SqlServerDatabase.databaseOf(URL)).isEqualTo("MeasurementsDB");
        assertThat(SqlServerDatabase.databaseOf("jdbc:sqlserver://sql;encrypt=false;database=x"))
                .isEqualTo("x");
        assertThat(SqlServerDatabase.databaseOf("jdbc:sqlserver://sql:1433;encrypt=false"))
                .isNull();
    }

    @Test
    void theDatabaseIsCreatedThroughMaster() {
        assertThat(SqlServerDatabase.masterUrlOf(URL))
                .isEqualTo("jdbc:sqlserver://sql:1433;databaseName=master;encrypt=false");
    }

    @Test
    void eachVendorHasItsOwnMigrations() {
        assertThat(Vendor.of(URL)).isEqualTo(Vendor.SQLSERVER);
        assertThat(Vendor.of(URL).migrations()).isEqualTo("classpath:db/migration/sqlserver");
        assertThat(Vendor.of("jdbc:postgresql://db/readings").migrations())
                .isEqualTo("classpath:db/migration/postgresql");
        assertThat(Vendor.of("jdbc:h2:file:./sql-writer-data/readings").migrations())
                .isEqualTo("classpath:db/migration/h2");
    }
}
