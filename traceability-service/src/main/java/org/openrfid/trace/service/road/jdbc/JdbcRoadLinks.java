package org.openrfid.trace.service.road.jdbc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openrfid.trace.service.road.RoadLink;
import org.openrfid.trace.service.road.RoadLinks;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

/** Road links over JDBC: an update by pair, then an insert of the pairs it did not find (same SQL on both stores). */
class JdbcRoadLinks implements RoadLinks {

    private static final RowMapper<RoadLink> ROW = (rs, n) -> new RoadLink(rs.getString("from_location"), rs.getString("to_location"),
            rs.getDouble("distance_m"));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    JdbcRoadLinks(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void save(Collection<RoadLink> links) {
        List<RoadLink> batch = List.copyOf(links);
        if (batch.isEmpty()) {
            return;
        }
        tx.executeWithoutResult(status -> {
            int[][] updated = jdbc.batchUpdate("UPDATE road_link SET distance_m = ? WHERE from_location = ? AND to_location = ?", batch, 500,
                    (ps, l) -> {
                        ps.setDouble(1, l.distanceM());
                        ps.setString(2, l.from());
                        ps.setString(3, l.to());
                    });
            List<RoadLink> missing = new ArrayList<>();
            int i = 0;
            for (int[] chunk : updated) {
                for (int n : chunk) {
                    if (n == 0) {
                        missing.add(batch.get(i));
                    }
                    i++;
                }
            }
            jdbc.batchUpdate("INSERT INTO road_link (from_location, to_location, distance_m) VALUES (?,?,?)", missing, 500, (ps, l) -> {
                ps.setString(1, l.from());
                ps.setString(2, l.to());
                ps.setDouble(3, l.distanceM());
            });
        });
    }

    @Override
    public List<RoadLink> all() {
        return jdbc.query("SELECT from_location, to_location, distance_m FROM road_link ORDER BY from_location, to_location", ROW);
    }

    @Override
    public boolean delete(String a, String b) {
        return jdbc.update("DELETE FROM road_link WHERE (from_location = ? AND to_location = ?) OR (from_location = ? AND to_location = ?)",
                a, b, b, a) > 0;
    }

    @Override
    public long count() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM road_link", Long.class);
        return n == null ? 0 : n;
    }
}
