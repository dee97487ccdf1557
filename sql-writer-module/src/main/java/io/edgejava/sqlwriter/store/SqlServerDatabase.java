package io.edgejava.sqlwriter.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the database a SQL Server URL names when it does not exist yet.
 *
 * <p>A fresh SQL Server container has only its system databases, and a connection to a database
 * that does not exist is refused, so Flyway could not even start. Microsoft's tutorial creates it
 * by hand with {@code sqlcmd}; here the writer connects to {@code master} and creates it.
 */
final class SqlServerDatabase {

    private static final Logger log = LoggerFactory.getLogger(SqlServerDatabase.class);

    private static final Pattern DATABASE_PROPERTY =
            Pattern.compile("(?i)(?<=;)\\s*(databaseName|database)\\s*=\\s*([^;]*)");

    /**
     * Plain names only: the name ends up in a CREATE DATABASE statement, which takes no parameter.
     */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    private SqlServerDatabase() {}

    /**
     * @param url a SQL Server JDBC URL
     * @return the database it names, or {@code null} when it names none (then the login's default
     *     database is used, which exists)
     */
    static String databaseOf(String url) {
        Matcher matcher = DATABASE_PROPERTY.matcher(url);
        String name = null;
        while (matcher.find()) {
            name = matcher.group(2).trim();
        }
        return name == null || name.isEmpty() ? null : name;
    }

    /**
     * @param url a SQL Server JDBC URL
     * @return the same URL pointing at {@code master}
     */
    static String masterUrlOf(String url) {
        return DATABASE_PROPERTY.matcher(url).replaceAll("databaseName=master");
    }

    /**
     * Creates the database the URL names unless it exists.
     *
     * @param url the writer's SQL Server URL
     * @param username the login, or {@code null} when the URL has it
     * @param password its password, or {@code null}
     * @throws SQLException when SQL Server cannot be reached or refuses
     */
    static void createIfMissing(String url, String username, String password) throws SQLException {
        String database = databaseOf(url);
        if (database == null || "master".equals(database.toLowerCase(Locale.ROOT))) {
            return;
        }
        if (!PLAIN_NAME.matcher(database).matches()) {
            throw new IllegalStateException(
                    "spring.datasource.url (SPRING_DATASOURCE_URL) names the database '"
                            + database
                            + "': the writer creates only databases named with letters, digits"
                            + " and '_'");
        }
        Properties login = new Properties();
        if (username != null) {
            login.setProperty("user", username);
        }
        if (password != null) {
            login.setProperty("password", password);
        }
        try (Connection master = DriverManager.getConnection(masterUrlOf(url), login)) {
            if (exists(master, database)) {
                return;
            }
            try (Statement create = master.createStatement()) {
                create.execute("CREATE DATABASE [" + database + "]");
            }
            log.info("Created the database {} on SQL Server", database);
        }
    }

    private static boolean exists(Connection master, String database) throws SQLException {
        try (PreparedStatement query = master.prepareStatement("SELECT DB_ID(?)")) {
            query.setString(1, database);
            try (ResultSet result = query.executeQuery()) {
                return result.next() && result.getObject(1) != null;
            }
        }
    }
}
