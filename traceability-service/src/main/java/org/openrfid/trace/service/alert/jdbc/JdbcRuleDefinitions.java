package org.openrfid.trace.service.alert.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.Severity;
import org.openrfid.trace.service.alert.rule.RuleDefinition;
import org.openrfid.trace.service.alert.rule.RuleDefinitions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Rules over JDBC ({@code alert_rule}); params and locations as JSON text, deleted rules kept as tombstones. */
class JdbcRuleDefinitions implements RuleDefinitions {

    private static final String SELECT = "SELECT id, type, enabled, severity, params, locations, area FROM alert_rule";
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> LIST = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final Clock clock;

    JdbcRuleDefinitions(JdbcTemplate jdbc, TransactionTemplate tx, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public List<RuleDefinition> all() {
        return jdbc.query(SELECT + " WHERE deleted = FALSE ORDER BY id", this::row);
    }

    @Override
    public Optional<RuleDefinition> find(String id) {
        return jdbc.query(SELECT + " WHERE id = ? AND deleted = FALSE", this::row, id).stream().findFirst();
    }

    @Override
    public boolean save(RuleDefinition r, String by) {
        Boolean created = tx.execute(s -> {
            List<Boolean> existing = jdbc.queryForList("SELECT deleted FROM alert_rule WHERE id = ? FOR UPDATE", Boolean.class, r.id());
            long version = nextVersion();
            Timestamp now = Timestamp.from(clock.instant());
            if (existing.isEmpty()) {
                jdbc.update("INSERT INTO alert_rule (id, type, enabled, severity, params, locations, area, deleted, version, updated_at, updated_by)"
                        + " VALUES (?,?,?,?,?,?,?,FALSE,?,?,?)", r.id(), r.type().name(), r.enabled(), r.severity().name(), write(r.params()),
                        write(r.locations()), r.area(), version, now, by);
                return true;
            }
            jdbc.update("UPDATE alert_rule SET type = ?, enabled = ?, severity = ?, params = ?, locations = ?, area = ?, deleted = FALSE,"
                    + " version = ?, updated_at = ?, updated_by = ? WHERE id = ?", r.type().name(), r.enabled(), r.severity().name(),
                    write(r.params()), write(r.locations()), r.area(), version, now, by, r.id());
            return existing.get(0);
        });
        return Boolean.TRUE.equals(created);
    }

    @Override
    public boolean delete(String id, String by) {
        return jdbc.update("UPDATE alert_rule SET deleted = TRUE, version = ?, updated_at = ?, updated_by = ? WHERE id = ? AND deleted = FALSE",
                nextVersion(), Timestamp.from(clock.instant()), by, id) == 1;
    }

    @Override
    public int seed(Collection<RuleDefinition> defaults) {
        Integer added = tx.execute(s -> {
            int n = 0;
            for (RuleDefinition r : defaults) {
                Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM alert_rule WHERE id = ?", Integer.class, r.id());
                if (known != null && known == 0) {
                    save(r, "defaults");
                    n++;
                }
            }
            return n;
        });
        return added == null ? 0 : added;
    }

    @Override
    public long version() {
        Long v = jdbc.queryForObject("SELECT COALESCE(MAX(version), 0) FROM alert_rule", Long.class);
        return v == null ? 0 : v;
    }

    private long nextVersion() {
        // Time-based so versions grow across members without a sequence; +1 when two changes share a millisecond.
        return Math.max(clock.millis(), version() + 1);
    }

    private RuleDefinition row(ResultSet rs, int n) throws SQLException {
        return new RuleDefinition(rs.getString("id"), AlertType.valueOf(rs.getString("type")), rs.getBoolean("enabled"),
                Severity.valueOf(rs.getString("severity")), read(rs.getString("params"), MAP), read(rs.getString("locations"), LIST),
                rs.getString("area"));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("params: not JSON-serialisable: " + e.getOriginalMessage(), e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("alert_rule holds unreadable JSON: " + e.getOriginalMessage(), e);
        }
    }
}
