package org.openrfid.trace.service.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The dedicated benchmark database ({@code rfid_bench} by default) on the test server: created when
 * missing, PostGIS installed, the project's Flyway migrations applied to {@code public}. Never touches
 * {@code rfid_test}.
 */
final class BenchDatabase {

    static final String HOST = System.getenv().getOrDefault("RFID_BENCH_PG_HOST", "127.0.0.1:5432");
    static final String USER = System.getenv().getOrDefault("RFID_TEST_PG_USER", "postgres");
    static final String PASSWORD = System.getenv().getOrDefault("RFID_TEST_PG_PASSWORD", "");

    private BenchDatabase() {
    }

    static DataSource dataSource(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL("jdbc:postgresql://" + HOST + "/" + database);
        ds.setUser(USER);
        ds.setPassword(PASSWORD);
        return ds;
    }

    /** Creates the database (dropping it first when {@code fresh}) and migrates it. */
    static DataSource prepare(String database, boolean fresh) throws SQLException {
        if (!database.matches("[a-z_][a-z0-9_]*") || database.equals("rfid_test")) {
            throw new IllegalArgumentException("benchmark database name must be a plain identifier other than rfid_test: " + database);
        }
        try (Connection c = dataSource("postgres").getConnection(); Statement s = c.createStatement()) {
            if (fresh) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
            boolean exists;
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                exists = rs.next();
            }
            if (!exists) {
                s.execute("CREATE DATABASE " + database);
            }
        }
        DataSource ds = dataSource(database);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS postgis");
        }
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/postgresql").load().migrate();
        return ds;
    }
}
