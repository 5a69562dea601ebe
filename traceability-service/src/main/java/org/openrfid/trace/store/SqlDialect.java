package org.openrfid.trace.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The few statements where H2GIS and PostGIS differ. */
enum SqlDialect {

    POSTGIS(
            "INSERT INTO passage (" + JdbcPassageStore.COLUMNS + ")"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (id, first_seen) DO NOTHING"),
    H2GIS(
            "MERGE INTO passage p USING (VALUES (CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS INT), CAST(? AS VARCHAR),"
                    + " CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS INT), CAST(? AS TIMESTAMP WITH TIME ZONE),"
                    + " CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS INT), CAST(? AS DOUBLE PRECISION), CAST(? AS VARCHAR),"
                    + " CAST(? AS INT), CAST(? AS VARCHAR(128) ARRAY), CAST(? AS VARCHAR), CAST(? AS VARCHAR)))"
                    + " s(" + JdbcPassageStore.COLUMNS + ")"
                    + " ON p.id = s.id WHEN NOT MATCHED THEN INSERT (" + JdbcPassageStore.COLUMNS + ")"
                    + " VALUES (s.id, s.epc_hex, s.epc_bits, s.tag_uri, s.location_id, s.reader_id, s.antenna, s.first_seen,"
                    + " s.last_seen, s.reads, s.peak_rssi, s.direction, s.lane, s.read_points, s.object_kind, s.object_id)");

    final String insertPassage;

    SqlDialect(String insertPassage) {
        this.insertPassage = insertPassage;
    }

    static SqlDialect of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String product = meta.getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
            if (product.contains("postgres")) {
                return POSTGIS;
            }
            if (product.contains("h2")) {
                return H2GIS;
            }
            throw new IllegalStateException("Unsupported database '" + meta.getDatabaseProductName() + "': use PostgreSQL+PostGIS or H2GIS");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reach the database to find its dialect: " + e.getMessage(), e);
        }
    }
}
