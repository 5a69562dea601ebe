package org.openrfid.trace.service.customs.jdbc;

import static org.openrfid.trace.service.platform.sql.Sql.ts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.openrfid.trace.service.customs.Declaration;
import org.openrfid.trace.service.customs.DeclarationEvent;
import org.openrfid.trace.service.customs.DeclarationStatus;
import org.openrfid.trace.service.customs.Declarations;
import org.openrfid.trace.service.platform.sql.Documents;
import org.openrfid.trace.service.platform.sql.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Declarations over JDBC (same SQL on both stores): a row, its declared units, its history. */
class JdbcDeclarations implements Declarations {

    private static final String SSCC = "SSCC";
    private static final String EPC = "EPC";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    JdbcDeclarations(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void save(Declaration d) {
        tx.executeWithoutResult(status -> {
            int updated = jdbc.update("UPDATE customs_declaration SET consignment = ?, container = ?, truck_plate = ?, status = ?,"
                    + " declared_at = ?, document = ? WHERE number = ?", d.consignment(), d.container(), d.truckPlate(), d.status().name(),
                    ts(d.declaredAt()), Documents.write(d), d.number());
            if (updated == 0) {
                jdbc.update("INSERT INTO customs_declaration (number, consignment, container, truck_plate, status, declared_at, document)"
                        + " VALUES (?,?,?,?,?,?,?)", d.number(), d.consignment(), d.container(), d.truckPlate(), d.status().name(),
                        ts(d.declaredAt()), Documents.write(d));
            }
            jdbc.update("DELETE FROM customs_declared_unit WHERE number = ?", d.number());
            List<Object[]> units = new ArrayList<>();
            d.ssccs().forEach(s -> units.add(new Object[] {d.number(), SSCC, s}));
            d.epcs().forEach(e -> units.add(new Object[] {d.number(), EPC, e}));
            if (!units.isEmpty()) {
                jdbc.batchUpdate("INSERT INTO customs_declared_unit (number, unit_kind, unit_id) VALUES (?,?,?)", units);
            }
        });
    }

    @Override
    public Optional<Declaration> find(String number) {
        return jdbc.query("SELECT document FROM customs_declaration WHERE number = ?", (rs, n) -> read(rs.getString(1)), number)
                .stream().findFirst();
    }

    @Override
    public List<Declaration> page(String afterNumber, DeclarationStatus status, int limit) {
        StringBuilder sql = new StringBuilder("SELECT document FROM customs_declaration WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (afterNumber != null) {
            sql.append(" AND number > ?");
            args.add(afterNumber);
        }
        if (status != null) {
            sql.append(" AND status = ?");
            args.add(status.name());
        }
        sql.append(" ORDER BY number LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, n) -> read(rs.getString(1)), args.toArray());
    }

    @Override
    public List<Declaration> candidates(String truckPlate, String container, Collection<String> ssccs, Collection<String> epcs) {
        StringBuilder sql = new StringBuilder("SELECT document, declared_at, number FROM customs_declaration WHERE 1 = 0");
        List<Object> args = new ArrayList<>();
        if (truckPlate != null) {
            sql.append(" OR truck_plate = ?");
            args.add(truckPlate);
        }
        if (container != null) {
            sql.append(" OR container = ?");
            args.add(container);
        }
        List<String> units = new ArrayList<>(ssccs);
        units.addAll(epcs);
        // a gate holds dozens of units, far below any IN-list limit
        if (!units.isEmpty()) {
            sql.append(" OR number IN (SELECT number FROM customs_declared_unit WHERE unit_id IN (").append(Sql.marks(units.size())).append("))");
            args.addAll(units);
        }
        sql.append(" ORDER BY declared_at DESC, number LIMIT 20");
        return jdbc.query(sql.toString(), (rs, n) -> read(rs.getString(1)), args.toArray());
    }

    @Override
    public long count() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM customs_declaration", Long.class);
        return n == null ? 0 : n;
    }

    @Override
    public void append(DeclarationEvent e) {
        jdbc.update("INSERT INTO customs_declaration_event (number, happened_at, kind, detail, actor, gate_transaction_id) VALUES (?,?,?,?,?,?)",
                e.number(), ts(e.at()), e.kind(), e.detail(), e.actor(), e.gateTransactionId());
    }

    @Override
    public List<DeclarationEvent> history(String number, long afterId, int limit) {
        return jdbc.query("SELECT id, number, happened_at, kind, detail, actor, gate_transaction_id FROM customs_declaration_event"
                + " WHERE number = ? AND id > ? ORDER BY id LIMIT ?", (rs, n) -> new DeclarationEvent(rs.getLong(1), rs.getString(2),
                Sql.instant(rs, "happened_at"), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)), number, afterId, limit);
    }

    private static Declaration read(String document) {
        return Documents.read(document, Declaration.class);
    }
}
