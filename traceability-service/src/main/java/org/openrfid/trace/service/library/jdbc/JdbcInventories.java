package org.openrfid.trace.service.library.jdbc;

import static org.openrfid.trace.service.platform.sql.Sql.instant;
import static org.openrfid.trace.service.platform.sql.Sql.ts;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.openrfid.trace.service.library.Inventories;
import org.openrfid.trace.service.library.Inventory;
import org.openrfid.trace.service.library.InventoryFinding;
import org.openrfid.trace.service.library.InventoryOutcome;
import org.openrfid.trace.service.library.InventoryRead;
import org.openrfid.trace.service.platform.sql.SqlColumn;
import org.openrfid.trace.service.platform.sql.SqlDialect;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/** Inventory sessions over JDBC (tables {@code library_inventory}, {@code _read}, {@code _result}). */
class JdbcInventories implements Inventories {

    private static final String SELECT = "SELECT id, location_id, reader_id, started_at, finished_at, started_by FROM library_inventory";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final String insertRead;

    JdbcInventories(JdbcTemplate jdbc, TransactionTemplate tx, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.insertRead = dialect.insertIfAbsent("library_inventory_read", List.of("inventory_id", "epc_hex"),
                List.of(SqlColumn.bound("inventory_id", "BIGINT"),
                SqlColumn.bound("epc_hex", "VARCHAR(128)"), SqlColumn.bound("item_id", "VARCHAR(32)"),
                SqlColumn.bound("first_read", "TIMESTAMP WITH TIME ZONE")));
    }

    @Override
    public Inventory start(String locationId, String readerId, Instant at, String startedBy) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement ps = c.prepareStatement("INSERT INTO library_inventory (location_id, reader_id, started_at, started_by)"
                    + " VALUES (?, ?, ?, ?)", new String[] {"id"});
            ps.setString(1, locationId);
            ps.setString(2, readerId);
            ps.setTimestamp(3, ts(at));
            ps.setString(4, startedBy);
            return ps;
        }, keys);
        Number id = keys.getKey();
        if (id == null) {
            throw new IllegalStateException("no id generated for the new inventory");
        }
        return new Inventory(id.longValue(), locationId, readerId, at, null, startedBy);
    }

    @Override
    public Optional<Inventory> find(long id) {
        return jdbc.query(SELECT + " WHERE id = ?", ROW, id).stream().findFirst();
    }

    @Override
    public List<Inventory> list(long beforeId, int limit) {
        return jdbc.query(SELECT + " WHERE id < ? ORDER BY id DESC LIMIT ?", ROW, beforeId <= 0 ? Long.MAX_VALUE : beforeId, limit);
    }

    @Override
    public List<Inventory> open() {
        return jdbc.query(SELECT + " WHERE finished_at IS NULL ORDER BY id", ROW);
    }

    @Override
    public int addReads(long inventoryId, Collection<InventoryRead> reads) {
        List<InventoryRead> batch = List.copyOf(reads);
        int[][] counts = tx.execute(s -> jdbc.batchUpdate(insertRead, batch, 500, (ps, r) -> {
            ps.setLong(1, inventoryId);
            ps.setString(2, r.epcHex());
            ps.setString(3, r.itemId());
            ps.setTimestamp(4, ts(r.at()));
        }));
        int added = 0;
        for (int[] chunk : counts == null ? new int[0][] : counts) {
            for (int n : chunk) {
                added += Math.max(n, 0);
            }
        }
        return added;
    }

    @Override
    public List<InventoryRead> reads(long inventoryId) {
        return jdbc.query("SELECT epc_hex, item_id, first_read FROM library_inventory_read WHERE inventory_id = ? ORDER BY epc_hex",
                (rs, n) -> new InventoryRead(rs.getString("epc_hex"), rs.getString("item_id"), instant(rs, "first_read")), inventoryId);
    }

    @Override
    public boolean finish(long inventoryId, Instant at, Collection<InventoryFinding> findings) {
        List<InventoryFinding> rows = List.copyOf(findings);
        Boolean done = tx.execute(s -> {
            if (jdbc.update("UPDATE library_inventory SET finished_at = ? WHERE id = ? AND finished_at IS NULL", ts(at), inventoryId) != 1) {
                return false;
            }
            jdbc.batchUpdate("INSERT INTO library_inventory_result (inventory_id, item_id, outcome, home_location, loan_status)"
                    + " VALUES (?, ?, ?, ?, ?)", rows, 500, (ps, f) -> {
                        ps.setLong(1, inventoryId);
                        ps.setString(2, f.itemId());
                        ps.setString(3, f.outcome().code());
                        ps.setString(4, f.homeLocation());
                        ps.setString(5, f.loanStatus());
                    });
            return true;
        });
        return Boolean.TRUE.equals(done);
    }

    @Override
    public List<InventoryFinding> findings(long inventoryId) {
        return jdbc.query("SELECT item_id, outcome, home_location, loan_status FROM library_inventory_result WHERE inventory_id = ?"
                        + " ORDER BY outcome, item_id",
                (rs, n) -> new InventoryFinding(rs.getString("item_id"), InventoryOutcome.of(rs.getString("outcome")),
                        rs.getString("home_location"), rs.getString("loan_status")), inventoryId);
    }

    private static final RowMapper<Inventory> ROW = (rs, n) -> new Inventory(rs.getLong("id"), rs.getString("location_id"),
            rs.getString("reader_id"), instant(rs, "started_at"), instant(rs, "finished_at"), rs.getString("started_by"));
}
