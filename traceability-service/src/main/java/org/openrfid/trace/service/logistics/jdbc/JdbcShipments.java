package org.openrfid.trace.service.logistics.jdbc;

import static org.openrfid.trace.service.platform.sql.Sql.ts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openrfid.trace.service.logistics.Shipment;
import org.openrfid.trace.service.logistics.Shipments;
import org.openrfid.trace.service.platform.sql.Documents;
import org.springframework.jdbc.core.JdbcTemplate;

/** Expected shipments over JDBC, the same SQL on both stores. */
class JdbcShipments implements Shipments {

    private final JdbcTemplate jdbc;

    JdbcShipments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(Shipment s) {
        int updated = jdbc.update("UPDATE logistics_shipment SET dock_door = ?, expected_from = ?, expected_to = ?, document = ? WHERE id = ?",
                s.dockDoor(), ts(s.expectedFrom()), ts(s.expectedTo()), Documents.write(s), s.id());
        if (updated == 0) {
            jdbc.update("INSERT INTO logistics_shipment (id, dock_door, expected_from, expected_to, document) VALUES (?,?,?,?,?)",
                    s.id(), s.dockDoor(), ts(s.expectedFrom()), ts(s.expectedTo()), Documents.write(s));
        }
    }

    @Override
    public Optional<Shipment> find(String id) {
        return jdbc.query("SELECT document FROM logistics_shipment WHERE id = ?", (rs, n) -> read(rs.getString(1)), id).stream().findFirst();
    }

    @Override
    public List<Shipment> page(String afterId, String dockDoor, int limit) {
        StringBuilder sql = new StringBuilder("SELECT document FROM logistics_shipment WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (afterId != null) {
            sql.append(" AND id > ?");
            args.add(afterId);
        }
        if (dockDoor != null) {
            sql.append(" AND dock_door = ?");
            args.add(dockDoor);
        }
        sql.append(" ORDER BY id LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, n) -> read(rs.getString(1)), args.toArray());
    }

    @Override
    public List<Shipment> expectedAt(String dockDoor, Instant at) {
        return jdbc.query("SELECT document FROM logistics_shipment WHERE dock_door = ? AND expected_from <= ? AND expected_to > ?"
                + " ORDER BY expected_from, id", (rs, n) -> read(rs.getString(1)), dockDoor, ts(at), ts(at));
    }

    @Override
    public long count() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM logistics_shipment", Long.class);
        return n == null ? 0 : n;
    }

    private static Shipment read(String document) {
        return Documents.read(document, Shipment.class);
    }
}
