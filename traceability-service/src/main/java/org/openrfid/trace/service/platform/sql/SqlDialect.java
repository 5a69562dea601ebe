package org.openrfid.trace.service.platform.sql;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
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

    /**
     * Inserts a row or, when a row with the same {@code key} exists, replaces its other columns: PostgreSQL
     * {@code INSERT ... ON CONFLICT (key) DO UPDATE SET c = EXCLUDED.c}, H2 {@code MERGE INTO ... KEY (key)}.
     * The parameters are those of {@code columns}' values, in order.
     */
    public String upsert(String table, List<String> key, List<SqlColumn> columns) {
        String names = names(columns);
        String values = columns.stream().map(SqlColumn::value).collect(Collectors.joining(","));
        if (this == H2GIS) {
            return "MERGE INTO " + table + " (" + names + ") KEY (" + String.join(", ", key) + ") VALUES (" + values + ")";
        }
        List<String> updated = columns.stream().map(SqlColumn::name).filter(c -> !key.contains(c)).toList();
        return "INSERT INTO " + table + " (" + names + ") VALUES (" + values + ") ON CONFLICT (" + String.join(", ", key) + ")"
                + (updated.isEmpty() ? " DO NOTHING"
                        : " DO UPDATE SET " + updated.stream().map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", ")));
    }

    /** {@link #insertIfAbsent(String, List, List, List)} for a table that is not partitioned. */
    public String insertIfAbsent(String table, List<String> key, List<SqlColumn> columns) {
        return insertIfAbsent(table, key, List.of(), columns);
    }

    /**
     * Inserts a row unless one with the same {@code key} exists, which is left as it is; the update count is 1
     * for a new row, 0 otherwise. PostgreSQL {@code INSERT ... ON CONFLICT DO NOTHING}, whose conflict target
     * is the primary key, which on a partitioned table also holds the partition columns; H2 (no partitions)
     * {@code MERGE INTO ... USING (VALUES ...) ... WHEN NOT MATCHED THEN INSERT}, matching on {@code key}, with
     * each bound value cast to its column's {@link SqlColumn#h2Cast()}. The parameters are those of
     * {@code columns}' values, in order.
     */
    public String insertIfAbsent(String table, List<String> key, List<String> partitionColumns, List<SqlColumn> columns) {
        String names = names(columns);
        if (this == POSTGIS) {
            List<String> target = new ArrayList<>(key);
            partitionColumns.stream().filter(c -> !target.contains(c)).forEach(target::add);
            return "INSERT INTO " + table + " (" + names + ") VALUES ("
                    + columns.stream().map(SqlColumn::value).collect(Collectors.joining(","))
                    + ") ON CONFLICT (" + String.join(", ", target) + ") DO NOTHING";
        }
        List<SqlColumn> source = columns.stream().filter(SqlColumn::takesParameters).toList();
        return "MERGE INTO " + table + " t USING (VALUES ("
                + source.stream().map(c -> c.h2Cast() == null ? c.value() : "CAST(" + c.value() + " AS " + c.h2Cast() + ")")
                        .collect(Collectors.joining(", "))
                + ")) s(" + names(source) + ") ON "
                + key.stream().map(k -> "t." + k + " = s." + k).collect(Collectors.joining(" AND "))
                + " WHEN NOT MATCHED THEN INSERT (" + names + ") VALUES ("
                + columns.stream().map(c -> c.takesParameters() ? "s." + c.name() : c.value()).collect(Collectors.joining(", "))
                + ")";
    }

    private static String names(List<SqlColumn> columns) {
        return columns.stream().map(SqlColumn::name).collect(Collectors.joining(", "));
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
