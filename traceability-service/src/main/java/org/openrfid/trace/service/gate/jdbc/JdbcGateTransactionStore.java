package org.openrfid.trace.service.gate.jdbc;

import static org.openrfid.trace.service.platform.sql.Sql.ts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openrfid.trace.service.gate.GateTransaction;
import org.openrfid.trace.service.gate.GateTransactionStore;
import org.openrfid.trace.service.platform.sql.Documents;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/** Gate transactions over JDBC, the same SQL on H2GIS and PostGIS. */
class JdbcGateTransactionStore implements GateTransactionStore {

    private final JdbcTemplate jdbc;

    JdbcGateTransactionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean save(GateTransaction t) {
        Integer there = jdbc.queryForObject("SELECT COUNT(*) FROM gate_transaction WHERE id = ?", Integer.class, t.id());
        if (there != null && there > 0) {
            return false;
        }
        try {
            jdbc.update("INSERT INTO gate_transaction (id, location_id, location_kind, started_at, ended_at, verdict, expectation_kind,"
                            + " expectation_id, recorded_at, document) VALUES (?,?,?,?,?,?,?,?,?,?)",
                    t.id(), t.contents().locationId(), t.contents().locationKind(), ts(t.contents().start()), ts(t.contents().end()),
                    t.reconciliation().verdict(), t.reconciliation().expectationKind(), t.reconciliation().expectationId(),
                    ts(t.recordedAt()), Documents.write(t));
            return true;
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }

    @Override
    public Optional<GateTransaction> find(String id) {
        return jdbc.query("SELECT document FROM gate_transaction WHERE id = ?", (rs, n) -> read(rs.getString(1)), id).stream().findFirst();
    }

    @Override
    public List<GateTransaction> find(Query q, Cursor after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT document FROM gate_transaction WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (q.locationKinds() != null && !q.locationKinds().isEmpty()) {
            sql.append(" AND location_kind IN (").append(org.openrfid.trace.service.platform.sql.Sql.marks(q.locationKinds().size())).append(')');
            args.addAll(q.locationKinds().stream().sorted().toList());
        }
        where(sql, args, "location_id = ?", q.locationId());
        where(sql, args, "ended_at >= ?", q.from() == null ? null : ts(q.from()));
        where(sql, args, "ended_at < ?", q.to() == null ? null : ts(q.to()));
        where(sql, args, "verdict = ?", q.verdict());
        where(sql, args, "expectation_kind = ?", q.expectationKind());
        where(sql, args, "expectation_id = ?", q.expectationId());
        if (after != null) {
            sql.append(" AND (ended_at < ? OR (ended_at = ? AND id < ?))");
            args.add(ts(after.end()));
            args.add(ts(after.end()));
            args.add(after.id());
        }
        sql.append(" ORDER BY ended_at DESC, id DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, n) -> read(rs.getString(1)), args.toArray());
    }

    private static void where(StringBuilder sql, List<Object> args, String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            args.add(value);
        }
    }

    private static GateTransaction read(String document) {
        return Documents.read(document, GateTransaction.class);
    }
}
