package org.openrfid.trace.service.epcis.jdbc;

import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.openrfid.trace.service.epcis.LocationConfig;
import org.openrfid.trace.service.epcis.LocationConfigs;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The {@code epcis_location_config} table over JDBC (the same SQL on H2GIS and PostGIS). */
class JdbcLocationConfigs implements LocationConfigs {

    private static final String SELECT = "SELECT location_id, biz_step, disposition, sgln, read_point, biz_location FROM epcis_location_config";
    private static final RowMapper<LocationConfig> ROW = (rs, n) -> new LocationConfig(rs.getString(1), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    JdbcLocationConfigs(DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = new TransactionTemplate(transactions);
    }

    @Override
    public List<LocationConfig> page(String afterId, int limit) {
        return afterId == null ? jdbc.query(SELECT + " ORDER BY location_id LIMIT ?", ROW, limit)
                : jdbc.query(SELECT + " WHERE location_id > ? ORDER BY location_id LIMIT ?", ROW, afterId, limit);
    }

    @Override
    public Optional<LocationConfig> find(String locationId) {
        return jdbc.query(SELECT + " WHERE location_id = ?", ROW, locationId).stream().findFirst();
    }

    @Override
    public List<LocationConfig> all() {
        return jdbc.query(SELECT + " ORDER BY location_id", ROW);
    }

    @Override
    public boolean put(LocationConfig c) {
        Boolean created = tx.execute(status -> {
            Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM location WHERE id = ?", Integer.class, c.locationId());
            if (known == null || known == 0) {
                throw new IllegalArgumentException("locationId: no location '" + c.locationId() + "' is registered");
            }
            int updated = jdbc.update("UPDATE epcis_location_config SET biz_step = ?, disposition = ?, sgln = ?, read_point = ?,"
                    + " biz_location = ? WHERE location_id = ?", c.bizStep(), c.disposition(), c.sgln(), c.readPoint(), c.bizLocation(),
                    c.locationId());
            if (updated == 0) {
                jdbc.update("INSERT INTO epcis_location_config (location_id, biz_step, disposition, sgln, read_point, biz_location)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", c.locationId(), c.bizStep(), c.disposition(), c.sgln(), c.readPoint(), c.bizLocation());
            }
            return updated == 0;
        });
        return Boolean.TRUE.equals(created);
    }

    @Override
    public boolean delete(String locationId) {
        return jdbc.update("DELETE FROM epcis_location_config WHERE location_id = ?", locationId) > 0;
    }
}
