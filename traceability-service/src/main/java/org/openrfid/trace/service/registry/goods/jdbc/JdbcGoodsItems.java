package org.openrfid.trace.service.registry.goods.jdbc;

import org.openrfid.trace.service.platform.sql.Sql;
import org.openrfid.trace.service.platform.sql.SqlColumn;
import org.openrfid.trace.service.platform.sql.SqlDialect;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openrfid.trace.service.registry.goods.GoodsItem;
import org.openrfid.trace.service.registry.goods.GoodsItems;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

/** Goods items over JDBC; upsert by id with the dialect's upsert. */
public class JdbcGoodsItems implements GoodsItems {

    private static final String COLUMNS = "id, gtin, serial, product, lot, expiry, consignment";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM goods_item";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final String upsert;

    public JdbcGoodsItems(JdbcTemplate jdbc, TransactionTemplate tx, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.upsert = dialect.upsert("goods_item", List.of("id"), SqlColumn.boundAll(COLUMNS.split(", ")));
    }

    @Override
    public void save(Collection<GoodsItem> items) {
        List<GoodsItem> batch = List.copyOf(items);
        tx.executeWithoutResult(status -> jdbc.batchUpdate(upsert, batch, 500, (ps, g) -> {
            ps.setObject(1, g.id());
            ps.setString(2, g.gtin());
            ps.setString(3, g.serial());
            ps.setString(4, g.product());
            ps.setString(5, g.lot());
            ps.setObject(6, g.expiry());
            ps.setString(7, g.consignment());
        }));
    }

    @Override
    public Optional<GoodsItem> find(UUID id) {
        return jdbc.query(SELECT + " WHERE id = ?", ROW, id).stream().findFirst();
    }

    @Override
    public java.util.Map<UUID, GoodsItem> findAll(Collection<UUID> ids) {
        java.util.Map<UUID, GoodsItem> found = new java.util.HashMap<>();
        for (List<UUID> chunk : Sql.chunks(List.copyOf(ids), 500)) {
            for (GoodsItem item : jdbc.query(SELECT + " WHERE id IN (" + Sql.marks(chunk.size()) + ")", ROW, chunk.toArray())) {
                found.put(item.id(), item);
            }
        }
        return found;
    }

    @Override
    public Set<UUID> existing(Collection<UUID> ids) {
        Set<UUID> found = new HashSet<>();
        for (List<UUID> chunk : Sql.chunks(List.copyOf(ids), 500)) {
            found.addAll(jdbc.query("SELECT id FROM goods_item WHERE id IN (" + Sql.marks(chunk.size()) + ")",
                    (rs, n) -> rs.getObject(1, UUID.class), chunk.toArray()));
        }
        return found;
    }

    @Override
    public List<GoodsItem> page(String afterGtin, String afterSerial, int limit) {
        return afterGtin == null
                ? jdbc.query(SELECT + " ORDER BY gtin, serial LIMIT ?", ROW, limit)
                : jdbc.query(SELECT + " WHERE gtin > ? OR (gtin = ? AND serial > ?) ORDER BY gtin, serial LIMIT ?", ROW,
                        afterGtin, afterGtin, afterSerial, limit);
    }

    @Override
    public List<GoodsItem> ofConsignment(String consignment, int limit) {
        return jdbc.query(SELECT + " WHERE consignment = ? ORDER BY gtin, serial LIMIT ?", ROW, consignment, limit);
    }

    @Override
    public long count() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM goods_item", Long.class);
        return n == null ? 0 : n;
    }

    private static final RowMapper<GoodsItem> ROW = (rs, row) -> new GoodsItem(rs.getObject("id", UUID.class), rs.getString("gtin"),
            rs.getString("serial"), rs.getString("product"), rs.getString("lot"), rs.getObject("expiry", LocalDate.class),
            rs.getString("consignment"));
}
