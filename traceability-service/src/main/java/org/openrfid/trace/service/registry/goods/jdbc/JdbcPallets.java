package org.openrfid.trace.service.registry.goods.jdbc;

import org.openrfid.trace.service.platform.sql.Sql;
import org.openrfid.trace.service.platform.sql.SqlColumn;
import org.openrfid.trace.service.platform.sql.SqlDialect;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openrfid.trace.service.registry.goods.Pallet;
import org.openrfid.trace.service.registry.goods.Pallets;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

/** Pallets over JDBC, keyed by SSCC. */
public class JdbcPallets implements Pallets {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final String upsert;

    public JdbcPallets(JdbcTemplate jdbc, TransactionTemplate tx, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.upsert = dialect.upsert("pallet", List.of("sscc"), SqlColumn.boundAll("sscc", "consignment"));
    }

    @Override
    public void save(Collection<Pallet> pallets) {
        List<Pallet> batch = List.copyOf(pallets);
        tx.executeWithoutResult(status -> jdbc.batchUpdate(upsert, batch, 500, (ps, p) -> {
            ps.setString(1, p.sscc());
            ps.setString(2, p.consignment());
        }));
    }

    @Override
    public Optional<Pallet> find(String sscc) {
        return jdbc.query("SELECT sscc, consignment FROM pallet WHERE sscc = ?", ROW, sscc).stream().findFirst();
    }

    @Override
    public Set<String> existing(Collection<String> ssccs) {
        Set<String> found = new HashSet<>();
        for (List<String> chunk : Sql.chunks(List.copyOf(ssccs), 500)) {
            found.addAll(jdbc.queryForList("SELECT sscc FROM pallet WHERE sscc IN (" + Sql.marks(chunk.size()) + ")",
                    String.class, chunk.toArray()));
        }
        return found;
    }

    @Override
    public List<Pallet> page(String afterSscc, int limit) {
        return afterSscc == null
                ? jdbc.query("SELECT sscc, consignment FROM pallet ORDER BY sscc LIMIT ?", ROW, limit)
                : jdbc.query("SELECT sscc, consignment FROM pallet WHERE sscc > ? ORDER BY sscc LIMIT ?", ROW, afterSscc, limit);
    }

    @Override
    public long count() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM pallet", Long.class);
        return n == null ? 0 : n;
    }

    private static final RowMapper<Pallet> ROW = (rs, row) -> new Pallet(rs.getString("sscc"), rs.getString("consignment"));
}
