package org.openrfid.trace.service.platform.sql;


import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The few statements where H2GIS and PostGIS differ. */
public enum SqlDialect {

    POSTGIS,
    H2GIS;

    public static SqlDialect of(DataSource dataSource) {
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
