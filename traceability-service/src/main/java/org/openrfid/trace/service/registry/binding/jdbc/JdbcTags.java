package org.openrfid.trace.service.registry.binding.jdbc;

import org.openrfid.trace.service.platform.sql.SqlColumn;
import org.openrfid.trace.service.platform.sql.SqlDialect;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.registry.binding.Tag;
import org.openrfid.trace.service.registry.binding.Tags;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

/** Tags over JDBC, keyed by EPC hex like the passage table, so joins need no conversion. */
public class JdbcTags implements Tags {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final String upsert;

    public JdbcTags(JdbcTemplate jdbc, TransactionTemplate tx, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.upsert = dialect.upsert("tag", List.of("epc_hex"), SqlColumn.boundAll("epc_hex", "epc_bits", "tid"));
    }

    @Override
    public void save(Collection<Tag> tags) {
        List<Tag> batch = List.copyOf(tags);
        tx.executeWithoutResult(status -> jdbc.batchUpdate(upsert, batch, 500, (ps, t) -> {
            ps.setString(1, t.epc().toHex());
            ps.setInt(2, t.epc().bitLength());
            ps.setString(3, t.tid());
        }));
    }

    @Override
    public Optional<Tag> find(String epcHex) {
        return jdbc.query("SELECT epc_hex, epc_bits, tid FROM tag WHERE epc_hex = ?", ROW, epcHex).stream().findFirst();
    }

    private static final RowMapper<Tag> ROW = (rs, row) ->
            new Tag(RawEpc.ofHex(rs.getString("epc_hex"), rs.getInt("epc_bits")), rs.getString("tid"));
}
