package io.edgejava.sqlwriter.store;

import org.springframework.boot.jdbc.DatabaseDriver;

/**
 * The databases the writer supports, each with its migrations and its idempotent insert.
 *
 * <p>Every insert skips a row whose {@code (message_id, location)} exists already, in the form the
 * database offers; the unique constraint on those columns has the last word.
 */
enum Vendor {
    H2(
            DatabaseDriver.H2,
            "MERGE INTO measurements t USING (VALUES (CAST(? AS TIMESTAMP(6)), CAST(? AS"
                    + " VARCHAR(16)), CAST(? AS DOUBLE PRECISION), CAST(? AS DOUBLE PRECISION),"
                    + " CAST(? AS INTEGER), CAST(? AS VARCHAR(255)), CAST(? AS VARCHAR(64)),"
                    + " CAST(? AS VARCHAR(255)), CAST(? AS TIMESTAMP(6)))) AS s("
                    + Vendor.COLUMNS
                    + ") ON t.message_id = s.message_id AND t.location = s.location"
                    + " WHEN NOT MATCHED THEN INSERT ("
                    + Vendor.COLUMNS
                    + ") VALUES ("
                    + Vendor.SOURCE_COLUMNS
                    + ")"),
    POSTGRESQL(
            DatabaseDriver.POSTGRESQL,
            "INSERT INTO measurements ("
                    + Vendor.COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (message_id, location) DO NOTHING"),
    // HOLDLOCK: without it, MERGE checks and inserts under separate locks and two writers could
    // both find the key missing.
    SQLSERVER(
            DatabaseDriver.SQLSERVER,
            "MERGE INTO measurements WITH (HOLDLOCK) AS t USING (VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?))"
                    + " AS s("
                    + Vendor.COLUMNS
                    + ") ON t.message_id = s.message_id AND t.location = s.location"
                    + " WHEN NOT MATCHED THEN INSERT ("
                    + Vendor.COLUMNS
                    + ") VALUES ("
                    + Vendor.SOURCE_COLUMNS
                    + ");");

    static final String COLUMNS =
            "measurement_time_utc, location, temperature, pressure, humidity, message_id,"
                    + " source_module, batch_file, written_at_utc";

    static final String SOURCE_COLUMNS =
            "s.measurement_time_utc, s.location, s.temperature, s.pressure, s.humidity,"
                    + " s.message_id, s.source_module, s.batch_file, s.written_at_utc";

    private final DatabaseDriver driver;
    private final String insertMeasurement;

    Vendor(DatabaseDriver driver, String insertMeasurement) {
        this.driver = driver;
        this.insertMeasurement = insertMeasurement;
    }

    /**
     * @return where this vendor's Flyway migrations are
     */
    String migrations() {
        return "classpath:db/migration/" + driver.getId();
    }

    /**
     * @return the insert of one measurement row that does nothing when the row exists, parameters
     *     in the order of {@link #COLUMNS}
     */
    String insertMeasurement() {
        return insertMeasurement;
    }

    /**
     * @param jdbcUrl the database URL
     * @return the vendor it names
     * @throws IllegalStateException when the writer does not support it
     */
    static Vendor of(String jdbcUrl) {
        DatabaseDriver driver = DatabaseDriver.fromJdbcUrl(jdbcUrl);
        for (Vendor vendor : values()) {
            if (vendor.driver == driver) {
                return vendor;
            }
        }
        throw new IllegalStateException(
                "spring.datasource.url (SPRING_DATASOURCE_URL) "
                        + jdbcUrl
                        + " is not a database the writer supports: SQL Server, PostgreSQL or H2");
    }
}
