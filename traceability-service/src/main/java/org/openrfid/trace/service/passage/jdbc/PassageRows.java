package org.openrfid.trace.service.passage.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.location.Location;
import org.openrfid.trace.service.passage.EnrichedPassage;
import org.openrfid.trace.service.passage.LocatedPassage;
import org.openrfid.trace.service.registry.binding.BoundObject;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.springframework.jdbc.core.RowMapper;

/** {@code passage} rows as passages: the one place that knows the columns' types and null conventions. */
final class PassageRows {

    private PassageRows() {
    }

    /** A row of every {@link JdbcPassageStore#COLUMNS} with the object it was bound to when it passed. */
    static final RowMapper<EnrichedPassage> ENRICHED = (rs, row) -> {
        Passage passage = passage(rs, rs.getInt("lane"), readPoints(rs.getArray("read_points")));
        String kind = rs.getString("object_kind");
        String objectId = rs.getString("object_id");
        // Retention's anonymisation clears the id and keeps the kind: such a row names no object.
        BoundObject object = kind == null || objectId == null ? null : new BoundObject(ObjectKind.valueOf(kind), objectId);
        return new EnrichedPassage(passage, object, null);
    };

    /**
     * A row of the query columns (no lane, read points or object: lane 0, none; TIDs as stored) with its location joined as
     * {@code l_id, l_name, l_kind, l_parent, l_lat, l_lon} (all null when the location is not registered).
     */
    static final RowMapper<LocatedPassage> LOCATED = (rs, row) -> new LocatedPassage(passage(rs, 0, List.of()), location(rs));

    private static Passage passage(ResultSet rs, int lane, List<String> readPoints) throws SQLException {
        double rssi = rs.getDouble("peak_rssi");
        if (rs.wasNull()) {
            rssi = Double.NaN;
        }
        return new Passage(
                rs.getString("id").trim(),
                RawEpc.ofHex(rs.getString("epc_hex"), rs.getInt("epc_bits")),
                rs.getString("tag_uri"),
                rs.getString("location_id"),
                rs.getString("reader_id"),
                rs.getInt("antenna"),
                rs.getTimestamp("first_seen").toInstant(),
                rs.getTimestamp("last_seen").toInstant(),
                rs.getInt("reads"),
                rssi,
                Direction.valueOf(rs.getString("direction")),
                lane,
                readPoints,
                rs.getString("tid"),
                rs.getString("tid_other"));
    }

    /** Passages stored before the column existed have none (null). */
    private static List<String> readPoints(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            List<String> out = new ArrayList<>();
            for (Object o : (Object[]) array.getArray()) {
                out.add((String) o);
            }
            return out;
        } finally {
            array.free();
        }
    }

    private static Location location(ResultSet rs) throws SQLException {
        String id = rs.getString("l_id");
        return id == null ? null : new Location(id, rs.getString("l_name"), rs.getString("l_kind"),
                rs.getDouble("l_lat"), rs.getDouble("l_lon"), rs.getString("l_parent"));
    }
}
