package org.openrfid.trace.service.platform.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Small SQL helpers shared by the JDBC adapters of every feature. */
public final class Sql {

    private Sql() {
    }

    public static String marks(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }

    public static Timestamp ts(Instant t) {
        return t == null ? null : Timestamp.from(t);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** Splits a list for IN clauses of at most {@code size} parameters. */
    public static <T> List<List<T>> chunks(List<T> all, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            out.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return out;
    }
}
