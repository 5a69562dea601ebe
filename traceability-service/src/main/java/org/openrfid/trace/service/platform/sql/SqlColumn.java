package org.openrfid.trace.service.platform.sql;

import java.util.Arrays;
import java.util.List;

/**
 * A column an upsert or insert-if-absent writes, with the SQL that gives its value.
 *
 * @param name   the column
 * @param value  its value: {@code ?} (one bound parameter), an expression over parameters such as
 *               {@code ST_GeomFromWKB(?, 4326)}, or a constant such as {@code NULL}
 * @param h2Cast the H2 type a bound value is cast to where H2 cannot infer it (a {@code MERGE ... USING
 *               (VALUES ...)} source), or null
 */
public record SqlColumn(String name, String value, String h2Cast) {

    /** A column bound to one parameter. */
    public static SqlColumn bound(String name) {
        return new SqlColumn(name, "?", null);
    }

    /** A column bound to one parameter whose type H2 is told in a {@code MERGE ... USING} source. */
    public static SqlColumn bound(String name, String h2Cast) {
        return new SqlColumn(name, "?", h2Cast);
    }

    /** A column given by an SQL expression (over parameters or none). */
    public static SqlColumn expression(String name, String value) {
        return new SqlColumn(name, value, null);
    }

    /** Columns each bound to one parameter, in order. */
    public static List<SqlColumn> boundAll(String... names) {
        return Arrays.stream(names).map(SqlColumn::bound).toList();
    }

    boolean takesParameters() {
        return value.contains("?");
    }
}
