package org.openrfid.trace.service.alert.jdbc;

import static org.openrfid.trace.service.platform.sql.Sql.instant;
import static org.openrfid.trace.service.platform.sql.Sql.ts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openrfid.trace.service.alert.Alert;
import org.openrfid.trace.service.alert.AlertCandidate;
import org.openrfid.trace.service.alert.AlertEvent;
import org.openrfid.trace.service.alert.AlertStatus;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.Alerts;
import org.openrfid.trace.service.alert.Severity;
import org.openrfid.trace.service.platform.sql.Sql;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/** Alerts over JDBC ({@code alert}, {@code alert_change}, {@code alert_debounce}, {@code alert_event}); the same SQL on both stores. */
class JdbcAlerts implements Alerts {

    static final String SYSTEM = "system";
    private static final String COLUMNS = "id, type, rule_id, severity, status, raised_at, location_id, object_kind, object_id, epc_hex,"
            + " plate, summary, evidence, repeats, last_seen_at";
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ObjectMapper json;

    JdbcAlerts(JdbcTemplate jdbc, TransactionTemplate tx, ObjectMapper json) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
    }

    @Override
    public Optional<AlertEvent> raise(AlertCandidate c, Duration debounce) {
        try {
            return tx.execute(s -> raiseOnce(c, debounce));
        } catch (DuplicateKeyException e) {
            // Another member inserted the debounce row between our look and our insert: it raised it.
            return tx.execute(s -> raiseOnce(c, debounce));
        }
    }

    private Optional<AlertEvent> raiseOnce(AlertCandidate c, Duration debounce) {
        String key = c.subjectKey();
        List<Object[]> last = jdbc.query("SELECT alert_id, raised_at FROM alert_debounce WHERE subject_key = ? FOR UPDATE",
                (rs, n) -> new Object[] {rs.getLong(1), instant(rs, "raised_at")}, key);
        if (!last.isEmpty()) {
            long alertId = (Long) last.get(0)[0];
            Instant lastAt = (Instant) last.get(0)[1];
            if (Duration.between(lastAt, c.raisedAt()).abs().compareTo(debounce) < 0) {
                jdbc.update("UPDATE alert SET repeats = repeats + 1, last_seen_at = CASE WHEN last_seen_at < ? THEN ? ELSE last_seen_at END"
                        + " WHERE id = ?", ts(c.raisedAt()), ts(c.raisedAt()), alertId);
                return Optional.empty();
            }
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO alert (type, rule_id, severity, status, raised_at, location_id, object_kind,"
                    + " object_id, epc_hex, plate, summary, evidence, subject_key, repeats, last_seen_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,0,?)",
                    new String[] {"id"});
            ps.setString(1, c.type().name());
            ps.setString(2, c.ruleId());
            ps.setString(3, c.severity().name());
            ps.setString(4, AlertStatus.OPEN.name());
            ps.setTimestamp(5, ts(c.raisedAt()));
            ps.setString(6, c.locationId());
            ps.setString(7, c.objectKind() == null ? null : c.objectKind().name());
            ps.setString(8, c.objectId());
            ps.setString(9, c.epc());
            ps.setString(10, c.plate());
            ps.setString(11, c.summary().length() > 1000 ? c.summary().substring(0, 1000) : c.summary());
            ps.setString(12, write(c.evidence()));
            ps.setString(13, key);
            ps.setTimestamp(14, ts(c.raisedAt()));
            return ps;
        }, keys);
        long id = keys.getKey().longValue();
        if (last.isEmpty()) {
            jdbc.update("INSERT INTO alert_debounce (subject_key, alert_id, raised_at) VALUES (?, ?, ?)", key, id, ts(c.raisedAt()));
        } else {
            jdbc.update("UPDATE alert_debounce SET alert_id = ?, raised_at = ? WHERE subject_key = ?", id, ts(c.raisedAt()), key);
        }
        jdbc.update("INSERT INTO alert_change (alert_id, n, status, at, by_user, comment) VALUES (?, 1, ?, ?, ?, NULL)",
                id, AlertStatus.OPEN.name(), ts(c.raisedAt()), SYSTEM);
        long seq = event(id, AlertEvent.Kind.RAISED);
        return Optional.of(new AlertEvent(seq, AlertEvent.Kind.RAISED, find(id).orElseThrow()));
    }

    private long event(long alertId, AlertEvent.Kind kind) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO alert_event (alert_id, kind, at) VALUES (?, ?, CURRENT_TIMESTAMP)",
                    new String[] {"seq"});
            ps.setLong(1, alertId);
            ps.setString(2, kind.name());
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    @Override
    public Optional<Alert> find(long id) {
        List<Alert> found = withHistory(jdbc.query("SELECT " + COLUMNS + " FROM alert WHERE id = ?", this::row, id));
        return found.stream().findFirst();
    }

    @Override
    public Optional<AlertEvent> change(long id, AlertStatus status, String by, String comment, Instant at) {
        return tx.execute(s -> {
            List<String> current = jdbc.queryForList("SELECT status FROM alert WHERE id = ? FOR UPDATE", String.class, id);
            if (current.isEmpty()) {
                return Optional.<AlertEvent>empty();
            }
            AlertStatus now = AlertStatus.valueOf(current.get(0));
            if (now == status) {
                throw new IllegalStateException("alert " + id + " is already " + status);
            }
            if (now == AlertStatus.CLOSED) {
                throw new IllegalStateException("alert " + id + " is closed");
            }
            jdbc.update("UPDATE alert SET status = ? WHERE id = ?", status.name(), id);
            Integer n = jdbc.queryForObject("SELECT COALESCE(MAX(n), 0) + 1 FROM alert_change WHERE alert_id = ?", Integer.class, id);
            jdbc.update("INSERT INTO alert_change (alert_id, n, status, at, by_user, comment) VALUES (?, ?, ?, ?, ?, ?)",
                    id, n, status.name(), ts(at), by, comment);
            long seq = event(id, AlertEvent.Kind.CHANGED);
            return Optional.of(new AlertEvent(seq, AlertEvent.Kind.CHANGED, find(id).orElseThrow()));
        });
    }

    @Override
    public List<Alert> page(Filter f) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM alert WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (f.status() != null) {
            sql.append(" AND status = ?");
            args.add(f.status().name());
        }
        if (f.type() != null) {
            sql.append(" AND type = ?");
            args.add(f.type().name());
        }
        if (f.objectKind() != null) {
            sql.append(" AND object_kind = ?");
            args.add(f.objectKind().name());
        }
        if (f.locationId() != null) {
            sql.append(" AND location_id = ?");
            args.add(f.locationId());
        }
        if (f.from() != null) {
            sql.append(" AND raised_at >= ?");
            args.add(ts(f.from()));
        }
        if (f.to() != null) {
            sql.append(" AND raised_at < ?");
            args.add(ts(f.to()));
        }
        if (f.kinds() != null) {
            sql.append(" AND (object_kind IS NULL");
            if (!f.kinds().isEmpty()) {
                sql.append(" OR object_kind IN (").append(Sql.marks(f.kinds().size())).append(')');
                args.addAll(f.kinds());
            }
            for (Map.Entry<String, java.util.Set<String>> e : new java.util.TreeMap<>(f.onlyAt()).entrySet()) {
                sql.append(" OR (object_kind = ? AND location_id IN (SELECT id FROM location WHERE kind IN (")
                        .append(Sql.marks(e.getValue().size())).append(")))");
                args.add(e.getKey());
                args.addAll(new java.util.TreeSet<>(e.getValue()));
            }
            sql.append(')');
        }
        if (f.beforeAt() != null) {
            sql.append(" AND (raised_at < ? OR (raised_at = ? AND id < ?))");
            args.add(ts(f.beforeAt()));
            args.add(ts(f.beforeAt()));
            args.add(f.beforeId());
        }
        sql.append(" ORDER BY raised_at DESC, id DESC LIMIT ?");
        args.add(f.limit());
        return withHistory(jdbc.query(sql.toString(), this::row, args.toArray()));
    }

    @Override
    public List<AlertEvent> eventsAfter(long seq, int limit) {
        List<Object[]> events = jdbc.query("SELECT seq, alert_id, kind FROM alert_event WHERE seq > ? ORDER BY seq LIMIT ?",
                (rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3)}, seq, limit);
        if (events.isEmpty()) {
            return List.of();
        }
        Map<Long, Alert> byId = new HashMap<>();
        List<Long> ids = events.stream().map(e -> (Long) e[1]).distinct().toList();
        for (List<Long> chunk : Sql.chunks(ids, 500)) {
            withHistory(jdbc.query("SELECT " + COLUMNS + " FROM alert WHERE id IN (" + Sql.marks(chunk.size()) + ")", this::row,
                    chunk.toArray())).forEach(a -> byId.put(a.id(), a));
        }
        List<AlertEvent> out = new ArrayList<>();
        for (Object[] e : events) {
            Alert a = byId.get((Long) e[1]);
            if (a != null) {
                out.add(new AlertEvent((Long) e[0], AlertEvent.Kind.valueOf((String) e[2]), a));
            }
        }
        return out;
    }

    @Override
    public long lastSeq() {
        Long seq = jdbc.queryForObject("SELECT COALESCE(MAX(seq), 0) FROM alert_event", Long.class);
        return seq == null ? 0 : seq;
    }

    private List<Alert> withHistory(List<Alert> alerts) {
        if (alerts.isEmpty()) {
            return alerts;
        }
        Map<Long, List<Alert.Change>> history = new HashMap<>();
        List<Long> ids = alerts.stream().map(Alert::id).toList();
        for (List<Long> chunk : Sql.chunks(ids, 500)) {
            jdbc.query("SELECT alert_id, status, at, by_user, comment FROM alert_change WHERE alert_id IN (" + Sql.marks(chunk.size())
                    + ") ORDER BY alert_id, n", rs -> {
                        history.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Alert.Change(
                                AlertStatus.valueOf(rs.getString(2)), instant(rs, "at"), rs.getString(4), rs.getString(5)));
                    }, chunk.toArray());
        }
        return alerts.stream().map(a -> new Alert(a.id(), a.type(), a.ruleId(), a.severity(), a.status(), a.raisedAt(), a.locationId(),
                a.objectKind(), a.objectId(), a.epc(), a.plate(), a.summary(), a.evidence(), a.repeats(), a.lastSeenAt(),
                history.getOrDefault(a.id(), List.of()))).toList();
    }

    private Alert row(ResultSet rs, int n) throws SQLException {
        String kind = rs.getString("object_kind");
        return new Alert(rs.getLong("id"), AlertType.valueOf(rs.getString("type")), rs.getString("rule_id"),
                Severity.valueOf(rs.getString("severity")), AlertStatus.valueOf(rs.getString("status")), instant(rs, "raised_at"),
                rs.getString("location_id"), kind == null ? null : ObjectKind.valueOf(kind), rs.getString("object_id"),
                rs.getString("epc_hex"), rs.getString("plate"), rs.getString("summary"), read(rs.getString("evidence")),
                rs.getInt("repeats"), instant(rs, "last_seen_at"), List.of());
    }

    private String write(Map<String, Object> evidence) {
        try {
            return json.writeValueAsString(evidence);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("evidence is not JSON-serialisable: " + e.getOriginalMessage(), e);
        }
    }

    private Map<String, Object> read(String text) {
        try {
            return json.readValue(text, MAP);
        } catch (JsonProcessingException e) {
            return Map.of("unreadable", text);
        }
    }
}
