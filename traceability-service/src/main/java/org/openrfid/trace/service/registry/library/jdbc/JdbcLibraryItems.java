package org.openrfid.trace.service.registry.library.jdbc;

import org.openrfid.trace.service.platform.sql.Sql;
import org.openrfid.trace.service.platform.sql.SqlColumn;
import org.openrfid.trace.service.platform.sql.SqlDialect;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openrfid.trace.service.registry.library.LibraryItem;
import org.openrfid.trace.service.registry.library.LibraryItems;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

/** Library items over JDBC, keyed by item id (barcode). */
public class JdbcLibraryItems implements LibraryItems {

    private static final String COLUMNS = "item_id, title, call_number, home_library, loan_status, due_date, home_location";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM library_item";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final String upsert;

    public JdbcLibraryItems(JdbcTemplate jdbc, TransactionTemplate tx, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.upsert = dialect.upsert("library_item", List.of("item_id"), SqlColumn.boundAll(COLUMNS.split(", ")));
    }

    @Override
    public void save(Collection<LibraryItem> items) {
        List<LibraryItem> batch = List.copyOf(items);
        tx.executeWithoutResult(status -> jdbc.batchUpdate(upsert, batch, 500, (ps, i) -> {
            ps.setString(1, i.itemId());
            ps.setString(2, i.title());
            ps.setString(3, i.callNumber());
            ps.setString(4, i.homeLibrary());
            ps.setString(5, i.loanStatus());
            ps.setObject(6, i.dueDate());
            ps.setString(7, i.homeLocation());
        }));
    }

    @Override
    public Optional<LibraryItem> find(String itemId) {
        return jdbc.query(SELECT + " WHERE item_id = ?", ROW, itemId).stream().findFirst();
    }

    @Override
    public Set<String> existing(Collection<String> itemIds) {
        Set<String> found = new HashSet<>();
        for (List<String> chunk : Sql.chunks(List.copyOf(itemIds), 500)) {
            found.addAll(jdbc.queryForList("SELECT item_id FROM library_item WHERE item_id IN (" + Sql.marks(chunk.size()) + ")",
                    String.class, chunk.toArray()));
        }
        return found;
    }

    @Override
    public List<LibraryItem> page(String afterId, String status, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (afterId != null) {
            sql.append(" AND item_id > ?");
            args.add(afterId);
        }
        if (status != null) {
            sql.append(" AND loan_status = ?");
            args.add(status);
        }
        sql.append(" ORDER BY item_id LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), ROW, args.toArray());
    }

    @Override
    public long count() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM library_item", Long.class);
        return n == null ? 0 : n;
    }

    @Override
    public List<LibraryItem> atHome(String locationId) {
        return jdbc.query(SELECT + " WHERE home_location = ? ORDER BY item_id", ROW, locationId);
    }

    @Override
    public List<LibraryItem> findAll(Collection<String> itemIds) {
        List<LibraryItem> found = new ArrayList<>();
        for (List<String> chunk : Sql.chunks(List.copyOf(itemIds), 500)) {
            found.addAll(jdbc.query(SELECT + " WHERE item_id IN (" + Sql.marks(chunk.size()) + ")", ROW, chunk.toArray()));
        }
        return found;
    }

    private static final RowMapper<LibraryItem> ROW = (rs, row) -> new LibraryItem(rs.getString("item_id"), rs.getString("title"),
            rs.getString("call_number"), rs.getString("home_library"), rs.getString("loan_status"), rs.getObject("due_date", LocalDate.class),
            rs.getString("home_location"));
}
