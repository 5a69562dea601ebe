package org.openrfid.trace.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;

/** Small SQL helpers of the object registry adapters. */
final class ObjectRegistrySql {

    private ObjectRegistrySql() {
    }

    static String marks(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }

    static Timestamp ts(Instant t) {
        return t == null ? null : Timestamp.from(t);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
