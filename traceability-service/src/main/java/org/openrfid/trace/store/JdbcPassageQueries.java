package org.openrfid.trace.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.openrfid.trace.location.Location;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.query.LocatedPassage;
import org.openrfid.trace.query.PassageCursor;
import org.openrfid.trace.query.PassageQueries;
import org.openrfid.trace.query.TagWindow;
import org.openrfid.trace.query.TimeOrder;
import org.openrfid.trace.reader.RawEpc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Passage queries over JDBC: every one is an equality on the B-tree's leading column (tag or
 * location) with a first-seen range, so both stores answer from the (epc_hex, first_seen) and
 * (location_id, first_seen) indexes. All values are bound parameters.
 */
class JdbcPassageQueries implements PassageQueries {

    /** Bound on IN lists and OR branches, well under PostgreSQL's 32767 parameters per statement. */
    static final int MAX_KEYS = 10_000;

    private static final String SELECT = "SELECT p.id, p.epc_hex, p.epc_bits, p.tag_uri, p.location_id, p.reader_id, p.antenna,"
            + " p.first_seen, p.last_seen, p.reads, p.peak_rssi, p.direction,"
            + " l.id AS l_id, l.name AS l_name, l.kind AS l_kind, l.parent_id AS l_parent, ST_Y(l.anchor) AS l_lat, ST_X(l.anchor) AS l_lon"
            + " FROM passage p LEFT JOIN location l ON l.id = p.location_id WHERE ";

    private final JdbcTemplate jdbc;

    JdbcPassageQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<LocatedPassage> ofTags(List<TagWindow> windows, PassageCursor after, TimeOrder order, int limit) {
        if (windows.isEmpty()) {
            return List.of();
        }
        if (windows.size() > MAX_KEYS / 3) {
            throw new IllegalArgumentException("too many tag windows in one query: " + windows.size());
        }
        StringBuilder sql = new StringBuilder(SELECT).append('(');
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            TagWindow w = windows.get(i);
            sql.append(i == 0 ? "" : " OR ").append("(p.epc_hex = ?");
            args.add(w.epcHex());
            range(sql, args, w.from(), w.to());
            sql.append(')');
        }
        sql.append(')');
        return run(sql, args, after, order, limit);
    }

    @Override
    public List<LocatedPassage> atLocations(Collection<String> locationIds, Instant from, Instant to,
                                            PassageCursor after, TimeOrder order, int limit) {
        if (locationIds.isEmpty()) {
            return List.of();
        }
        if (locationIds.size() > MAX_KEYS) {
            throw new IllegalArgumentException("too many locations in one query: " + locationIds.size() + " (at most " + MAX_KEYS + ")");
        }
        StringBuilder sql = new StringBuilder(SELECT).append("p.location_id IN (")
                .append(String.join(",", Collections.nCopies(locationIds.size(), "?"))).append(')');
        List<Object> args = new ArrayList<>(locationIds);
        range(sql, args, from, to);
        return run(sql, args, after, order, limit);
    }

    private static void range(StringBuilder sql, List<Object> args, Instant from, Instant to) {
        if (from != null) {
            sql.append(" AND p.first_seen >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            sql.append(" AND p.first_seen < ?");
            args.add(Timestamp.from(to));
        }
    }

    private List<LocatedPassage> run(StringBuilder sql, List<Object> args, PassageCursor after, TimeOrder order, int limit) {
        boolean newest = order == TimeOrder.NEWEST_FIRST;
        if (after != null) {
            String cmp = newest ? "<" : ">";
            sql.append(" AND (p.first_seen ").append(cmp).append(" ? OR (p.first_seen = ? AND p.id ").append(cmp).append(" ?))");
            Timestamp t = Timestamp.from(after.firstSeen());
            args.add(t);
            args.add(t);
            args.add(after.id());
        }
        String dir = newest ? " DESC" : "";
        sql.append(" ORDER BY p.first_seen").append(dir).append(", p.id").append(dir).append(" LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), ROW, args.toArray());
    }

    private static final RowMapper<LocatedPassage> ROW = (ResultSet rs, int row) -> {
        double rssi = rs.getDouble("peak_rssi");
        if (rs.wasNull()) {
            rssi = Double.NaN;
        }
        Passage passage = new Passage(
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
                Direction.valueOf(rs.getString("direction")));
        return new LocatedPassage(passage, location(rs));
    };

    private static Location location(ResultSet rs) throws SQLException {
        String id = rs.getString("l_id");
        return id == null ? null : new Location(id, rs.getString("l_name"), rs.getString("l_kind"),
                rs.getDouble("l_lat"), rs.getDouble("l_lon"), rs.getString("l_parent"));
    }
}
