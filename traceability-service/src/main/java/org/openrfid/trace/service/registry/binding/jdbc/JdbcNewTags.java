package org.openrfid.trace.service.registry.binding.jdbc;

import org.openrfid.trace.service.platform.sql.SqlColumn;
import org.openrfid.trace.service.platform.sql.SqlDialect;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.registry.binding.NewTags;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Registers tags that are not yet in the {@code tag} table; an existing tag (and its TID) is left alone. */
public class JdbcNewTags implements NewTags {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final String insert;

    public JdbcNewTags(JdbcTemplate jdbc, TransactionTemplate tx, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.insert = dialect.insertIfAbsent("tag", List.of("epc_hex"), List.of(
                SqlColumn.bound("epc_hex", "VARCHAR"), SqlColumn.bound("epc_bits", "INT"), SqlColumn.expression("tid", "NULL")));
    }

    @Override
    public int registerMissing(Collection<RawEpc> epcs) {
        Map<String, RawEpc> unique = new LinkedHashMap<>();
        epcs.forEach(e -> unique.putIfAbsent(e.toHex(), e));
        List<RawEpc> batch = List.copyOf(unique.values());
        int[][] counts = tx.execute(status -> jdbc.batchUpdate(insert, batch, 500, (ps, e) -> {
            ps.setString(1, e.toHex());
            ps.setInt(2, e.bitLength());
        }));
        int n = 0;
        for (int[] chunk : counts) {
            for (int c : chunk) {
                n += Math.max(c, 0);
            }
        }
        return n;
    }
}
