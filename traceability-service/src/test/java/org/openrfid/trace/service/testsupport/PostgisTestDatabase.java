package org.openrfid.trace.service.testsupport;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A schema of its own in the PostGIS test database that {@code scripts/setup-postgis.sh} prepares
 * (database {@code rfid_test}, extension {@code postgis}). There is no skipping: when the server is
 * not reachable the test fails and says how to set it up.
 */
public final class PostgisTestDatabase {

    public static final String URL = System.getProperty("rfid.test.pg.url",
            System.getenv().getOrDefault("RFID_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/rfid_test"));
    public static final String USER = System.getenv().getOrDefault("RFID_TEST_PG_USER", "postgres");
    public static final String PASSWORD = System.getenv().getOrDefault("RFID_TEST_PG_PASSWORD", "");

    private final String schema;

    private PostgisTestDatabase(String schema) {
        this.schema = schema;
    }

    /** Creates a new empty schema; the search path puts it before {@code public}, where PostGIS lives. */
    public static PostgisTestDatabase createSchema() {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = admin().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("PostGIS test database not reachable at " + URL + " as " + USER
                    + " (" + e.getMessage() + "). Run scripts/setup-postgis.sh first.", e);
        }
        return new PostgisTestDatabase(schema);
    }

    public String schema() {
        return schema;
    }

    public String jdbcUrl() {
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema + ",public";
    }

    public DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(jdbcUrl());
        ds.setUser(USER);
        ds.setPassword(PASSWORD);
        return ds;
    }

    public void drop() {
        try (Connection c = admin().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop test schema " + schema, e);
        }
    }

    private static DataSource admin() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(URL);
        ds.setUser(USER);
        ds.setPassword(PASSWORD);
        return ds;
    }
}
