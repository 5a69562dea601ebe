package org.openrfid.trace.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.openrfid.trace.location.Location;
import org.openrfid.trace.location.Locations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

/** Locations over JDBC; the geometry is a WGS84 point (SRID 4326) in both dialects. */
class JdbcLocations implements Locations {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final SqlDialect dialect;

    JdbcLocations(JdbcTemplate jdbc, TransactionTemplate tx, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.dialect = dialect;
    }

    @Override
    public void save(Collection<Location> locations) {
        List<Location> batch = List.copyOf(locations);
        tx.executeWithoutResult(status -> jdbc.batchUpdate(dialect.upsertLocation, batch, 500, (ps, l) -> {
            ps.setString(1, l.id());
            ps.setString(2, l.name());
            ps.setString(3, l.kind());
            ps.setString(4, l.parent());
            ps.setDouble(5, l.lon());
            ps.setDouble(6, l.lat());
        }));
    }

    @Override
    public Optional<Location> find(String id) {
        return jdbc.query(SELECT + " WHERE id = ?", ROW, id).stream().findFirst();
    }

    @Override
    public List<Location> all() {
        return jdbc.query(SELECT + " ORDER BY id", ROW);
    }

    private static final String SELECT = "SELECT id, name, kind, parent_id, ST_Y(geom) AS lat, ST_X(geom) AS lon FROM location";

    private static final RowMapper<Location> ROW = (rs, row) -> new Location(
            rs.getString("id"), rs.getString("name"), rs.getString("kind"),
            rs.getDouble("lat"), rs.getDouble("lon"), rs.getString("parent_id"));
}
