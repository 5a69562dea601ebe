package org.openrfid.trace.service.registry.watchlist.jdbc;

import static org.openrfid.trace.service.platform.sql.Sql.instant;
import static org.openrfid.trace.service.platform.sql.Sql.ts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.watchlist.Watchlist;
import org.openrfid.trace.service.registry.watchlist.WatchlistEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

/** Watchlist entries over JDBC: an update by key, then an insert of the entries it did not find (same SQL on both stores). */
public class JdbcWatchlist implements Watchlist {

    private static final String COLUMNS = "id, list_name, object_kind, object_id, epc_hex, subject, reason, valid_from, valid_to";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM watchlist_entry";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public JdbcWatchlist(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public int save(Collection<WatchlistEntry> entries) {
        List<WatchlistEntry> batch = List.copyOf(entries);
        if (batch.isEmpty()) {
            return 0;
        }
        Integer created = tx.execute(status -> {
            int[][] updated = jdbc.batchUpdate("UPDATE watchlist_entry SET epc_hex = ?, subject = ?, reason = ?, valid_to = ?, changed_at = CURRENT_TIMESTAMP"
                    + " WHERE list_name = ? AND object_kind = ? AND object_id = ? AND valid_from = ?", batch, 500, (ps, e) -> {
                        ps.setString(1, e.epcHex());
                        ps.setString(2, e.subject());
                        ps.setString(3, e.reason());
                        ps.setTimestamp(4, ts(e.validTo()));
                        ps.setString(5, e.list());
                        ps.setString(6, e.kind().name());
                        ps.setString(7, e.objectId());
                        ps.setTimestamp(8, ts(e.validFrom()));
                    });
            List<WatchlistEntry> missing = new ArrayList<>();
            int i = 0;
            for (int[] chunk : updated) {
                for (int n : chunk) {
                    if (n == 0) {
                        missing.add(batch.get(i));
                    }
                    i++;
                }
            }
            jdbc.batchUpdate("INSERT INTO watchlist_entry (list_name, object_kind, object_id, epc_hex, subject, reason, valid_from, valid_to)"
                    + " VALUES (?,?,?,?,?,?,?,?)", missing, 500, (ps, e) -> {
                        ps.setString(1, e.list());
                        ps.setString(2, e.kind().name());
                        ps.setString(3, e.objectId());
                        ps.setString(4, e.epcHex());
                        ps.setString(5, e.subject());
                        ps.setString(6, e.reason());
                        ps.setTimestamp(7, ts(e.validFrom()));
                        ps.setTimestamp(8, ts(e.validTo()));
                    });
            return missing.size();
        });
        return created == null ? 0 : created;
    }

    @Override
    public Optional<WatchlistEntry> find(long id) {
        return jdbc.query(SELECT + " WHERE id = ?", ROW, id).stream().findFirst();
    }

    @Override
    public List<WatchlistEntry> ofObject(ObjectKind kind, String objectId) {
        return jdbc.query(SELECT + " WHERE object_kind = ? AND object_id = ? ORDER BY valid_from, id", ROW, kind.name(), objectId);
    }

    @Override
    public Set<String> activeObjects(ObjectKind kind, Instant at) {
        return new HashSet<>(jdbc.queryForList("SELECT DISTINCT object_id FROM watchlist_entry WHERE object_kind = ? AND valid_from <= ?"
                + " AND (valid_to IS NULL OR valid_to > ?)", String.class, kind.name(), ts(at), ts(at)));
    }

    @Override
    public boolean end(long id, Instant at) {
        return jdbc.update("UPDATE watchlist_entry SET valid_to = ?, changed_at = CURRENT_TIMESTAMP WHERE id = ? AND valid_to IS NULL AND valid_from < ?", ts(at), id, ts(at)) == 1;
    }

    @Override
    public List<WatchlistEntry> page(long afterId, String list, int limit) {
        return list == null
                ? jdbc.query(SELECT + " WHERE id > ? ORDER BY id LIMIT ?", ROW, afterId, limit)
                : jdbc.query(SELECT + " WHERE id > ? AND list_name = ? ORDER BY id LIMIT ?", ROW, afterId, list, limit);
    }

    @Override
    public List<Changed> changedSince(Instant since, int limit) {
        return jdbc.query("SELECT " + COLUMNS + ", changed_at FROM watchlist_entry WHERE changed_at >= ? ORDER BY changed_at, id LIMIT ?",
                (rs, n) -> new Changed(ROW.mapRow(rs, n), instant(rs, "changed_at")), ts(since), limit);
    }

    @Override
    public Instant now() {
        return jdbc.queryForObject("SELECT CURRENT_TIMESTAMP", (rs, n) -> rs.getTimestamp(1).toInstant());
    }

    @Override
    public long count() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM watchlist_entry", Long.class);
        return n == null ? 0 : n;
    }

    private static final RowMapper<WatchlistEntry> ROW = (rs, row) -> new WatchlistEntry(rs.getLong("id"), rs.getString("list_name"),
            ObjectKind.valueOf(rs.getString("object_kind")), rs.getString("object_id"), rs.getString("epc_hex"), rs.getString("subject"),
            rs.getString("reason"), instant(rs, "valid_from"), instant(rs, "valid_to"));
}
