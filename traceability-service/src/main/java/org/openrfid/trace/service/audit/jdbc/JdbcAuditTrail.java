package org.openrfid.trace.service.audit.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.openrfid.trace.service.audit.AuditEntry;
import org.openrfid.trace.service.audit.AuditFilter;
import org.openrfid.trace.service.audit.AuditHash;
import org.openrfid.trace.service.audit.AuditOutcome;
import org.openrfid.trace.service.audit.AuditRecord;
import org.openrfid.trace.service.audit.AuditTrail;
import org.openrfid.trace.service.audit.AuditVerification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail over JDBC, the same SQL on both stores. An append runs in a transaction of its own
 * (a caller's rollback never takes an audit record with it): it locks the one {@code audit_head} row
 * ({@code SELECT … FOR UPDATE}), which serialises appends across connections and cluster members,
 * inserts record {@code seq + 1} chained to the head's hash and moves the head. A JVM lock in front
 * keeps this member's threads from queueing on the database lock.
 */
final class JdbcAuditTrail implements AuditTrail {

    private static final String COLUMNS = "id, at, username, roles, action, subject, purpose, result_count, client_ip, outcome, prev_hash, hash";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate appendTx;
    private final TransactionTemplate readTx;
    private final Clock clock;
    private final ReentrantLock appendLock = new ReentrantLock(true);

    JdbcAuditTrail(DataSource dataSource, PlatformTransactionManager txManager, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.appendTx = new TransactionTemplate(Objects.requireNonNull(txManager, "transaction manager"));
        this.appendTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.readTx = new TransactionTemplate(txManager);
        this.readTx.setReadOnly(true);
        this.clock = clock;
    }

    private record Head(long seq, String lastHash) {
    }

    @Override
    public AuditRecord append(AuditEntry entry) {
        appendLock.lock();
        try {
            return appendTx.execute(status -> {
                Head head = jdbc.queryForObject("SELECT seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE",
                        (rs, i) -> new Head(rs.getLong("seq"), rs.getString("last_hash")));
                AuditRecord r = AuditRecord.chain(head.seq() + 1, AuditHash.truncate(clock.instant()), entry, head.lastHash());
                jdbc.update("INSERT INTO audit_record (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                        r.id(), OffsetDateTime.ofInstant(r.at(), ZoneOffset.UTC), r.username(), String.join(",", r.roles()), r.action(),
                        r.subject(), r.purpose(), r.resultCount(), r.clientIp(), r.outcome().name(), r.prevHash(), r.hash());
                int moved = jdbc.update("UPDATE audit_head SET seq = ?, last_hash = ?, last_id = ? WHERE id = 1 AND seq = ?",
                        r.id(), r.hash(), r.id(), head.seq());
                if (moved != 1) {
                    throw new IllegalStateException("audit_head moved under its lock");
                }
                return r;
            });
        } finally {
            appendLock.unlock();
        }
    }

    @Override
    public List<AuditRecord> page(AuditFilter filter, Long beforeId, int limit) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        condition(where, args, "username = ?", filter.username());
        // A subject names several things at once (a vehicle's plate and id, an area and its time range):
        // the filter finds records whose subject contains the text.
        condition(where, args, "subject LIKE ? ESCAPE '!'", filter.subject() == null ? null
                : "%" + filter.subject().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        condition(where, args, "action = ?", filter.action());
        condition(where, args, "at >= ?", filter.from() == null ? null : OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
        condition(where, args, "at < ?", filter.to() == null ? null : OffsetDateTime.ofInstant(filter.to(), ZoneOffset.UTC));
        condition(where, args, "id < ?", beforeId);
        args.add(limit);
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_record" + where + " ORDER BY id DESC LIMIT ?", ROW, args.toArray());
    }

    private static void condition(StringBuilder where, List<Object> args, String sql, Object value) {
        if (value != null) {
            where.append(" AND ").append(sql);
            args.add(value);
        }
    }

    /**
     * Reads the head first, then every record up to it in id order (streamed), so appends running
     * meanwhile neither break nor extend the check.
     */
    @Override
    public AuditVerification verify() {
        return readTx.execute(status -> {
            Head head = jdbc.queryForObject("SELECT seq, last_hash FROM audit_head WHERE id = 1",
                    (rs, i) -> new Head(rs.getLong("seq"), rs.getString("last_hash")));
            Check check = new Check();
            JdbcTemplate streaming = new JdbcTemplate(Objects.requireNonNull(jdbc.getDataSource()));
            streaming.setFetchSize(1000);
            streaming.query("SELECT " + COLUMNS + " FROM audit_record WHERE id <= ? ORDER BY id", rs -> {
                if (check.broken == null) {
                    check.next(ROW.mapRow(rs, 0));
                }
            }, head.seq());
            if (check.broken != null) {
                return check.broken;
            }
            if (check.lastId != head.seq()) {
                return AuditVerification.broken(check.checked, check.lastId + 1,
                        "records " + (check.lastId + 1) + ".." + head.seq() + " are missing (the head is at " + head.seq() + ")");
            }
            if (!check.lastHash.equals(head.lastHash())) {
                return AuditVerification.broken(check.checked, head.seq(), "the head's hash is not that of record " + head.seq());
            }
            return AuditVerification.ok(check.checked);
        });
    }

    /** The walk along the chain: each record must follow the last one's id and hash and hash to itself. */
    private static final class Check {
        long lastId;
        String lastHash = AuditHash.GENESIS;
        long checked;
        AuditVerification broken;

        void next(AuditRecord r) {
            if (r.id() != lastId + 1) {
                broken = AuditVerification.broken(checked, lastId + 1, "record " + (lastId + 1) + " is missing (next is " + r.id() + ")");
            } else if (!r.prevHash().equals(lastHash)) {
                broken = AuditVerification.broken(checked, r.id(), "record " + r.id() + " does not link to the hash of record " + lastId);
            } else if (!AuditHash.of(r).equals(r.hash())) {
                broken = AuditVerification.broken(checked, r.id(), "record " + r.id() + " does not match its hash (changed after it was written)");
            } else {
                lastId = r.id();
                lastHash = r.hash();
                checked++;
            }
        }
    }

    private static final RowMapper<AuditRecord> ROW = (rs, i) -> new AuditRecord(rs.getLong("id"), at(rs), rs.getString("username"),
            roles(rs.getString("roles")), rs.getString("action"), rs.getString("subject"), rs.getString("purpose"),
            rs.getObject("result_count") == null ? null : rs.getLong("result_count"), rs.getString("client_ip"),
            AuditOutcome.valueOf(rs.getString("outcome")), rs.getString("prev_hash"), rs.getString("hash"));

    private static Instant at(ResultSet rs) throws SQLException {
        return rs.getObject("at", OffsetDateTime.class).toInstant();
    }

    private static List<String> roles(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(",", -1));
    }
}
