package org.openrfid.trace.service.platform.sql;


import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Where H2GIS and PostGIS differ: the adapters of every feature ask the dialect instead of testing
 * which database they talk to.
 */
public enum SqlDialect {

    POSTGIS,
    H2GIS;

    /** {@code expression} (a timestamp) plus a bound number of milliseconds (the next parameter). */
    public String plusMillis(String expression) {
        return this == POSTGIS
                ? "(" + expression + " + CAST(? AS BIGINT) * INTERVAL '1 millisecond')"
                : "DATEADD(MILLISECOND, CAST(? AS BIGINT), " + expression + ")";
    }

    /** Text compared and ordered by code point on both stores, so keyset cursors and pages agree. */
    public String codePointOrder(String expression) {
        return this == POSTGIS ? expression + " COLLATE \"C\"" : expression;
    }

    /**
     * A join of passages {@code c} at {@code location} within the window {@code windowCondition}: on PostGIS a
     * lateral subquery (so the planner probes the (location_id, first_seen) index per row, comparing the place
     * in the column's own collation), on H2GIS a plain join (it finds joined indexes by itself).
     */
    public String passagesAtLocationJoin(String location, String windowCondition) {
        return this == POSTGIS
                ? " JOIN LATERAL (SELECT c.epc_hex, c.first_seen FROM passage c WHERE c.location_id = " + location + " COLLATE \"default\""
                        + windowCondition + " OFFSET 0) c ON TRUE"
                : " JOIN passage c ON c.location_id = " + location + windowCondition;
    }

    /** Whether passages live in day partitions that can be created ahead and dropped whole (PostGIS). */
    public boolean partitionsPassagesByDay() {
        return this == POSTGIS;
    }

    /** Whether bulk writes can go through {@code COPY} (PostgreSQL's CopyManager). */
    public boolean supportsCopy() {
        return this == POSTGIS;
    }

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
