package org.openrfid.trace.service.epcis.jdbc;

import org.openrfid.trace.service.privacy.Scope;
import org.openrfid.trace.service.privacy.jdbc.ScopeSql;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.openrfid.trace.service.epcis.EpcisEvents;
import org.openrfid.trace.service.epcis.EpcisPassages;
import org.openrfid.trace.service.epcis.LocationConfig;
import org.openrfid.trace.service.platform.sql.Sql;
import org.springframework.jdbc.core.JdbcTemplate;

/** Passages joined with their location's EPCIS configuration, over JDBC (the same SQL on H2GIS and PostGIS). */
class JdbcEpcisPassages implements EpcisPassages {

    private final JdbcTemplate jdbc;

    JdbcEpcisPassages(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public List<Row> page(Instant notBefore, Instant before, Optional<List<String>> epcPatterns, Optional<List<String>> locations,
            Scope scope, EpcisEvents.Cursor after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT p.id, p.epc_hex, p.epc_bits, p.tag_uri, p.location_id, p.direction,"
                + " p.last_seen, c.biz_step, c.disposition, c.sgln, c.read_point, c.biz_location FROM passage p"
                + " LEFT JOIN epcis_location_config c ON c.location_id = p.location_id WHERE 1=1");
        List<Object> args = new ArrayList<>();
        if (notBefore != null) {
            sql.append(" AND p.last_seen >= ?");
            args.add(utc(notBefore));
        }
        if (before != null) {
            sql.append(" AND p.last_seen < ?");
            args.add(utc(before));
        }
        epcPatterns.ifPresent(ps -> {
            sql.append(" AND (").append(String.join(" OR ", Collections.nCopies(ps.size(), "p.tag_uri LIKE ? ESCAPE '!'")))
                    .append(')');
            args.addAll(ps);
        });
        locations.ifPresent(ls -> {
            sql.append(" AND p.location_id IN (").append(Sql.marks(ls.size())).append(')');
            args.addAll(ls);
        });
        ScopeSql.restrictTo(scope, "p.object_kind", "p.object_id", "p.location_id", sql, args);
        if (after != null) {
            if (after.source() == EpcisEvents.PASSAGE) {
                sql.append(" AND (p.last_seen > ? OR (p.last_seen = ? AND p.id > ?))");
                args.add(utc(after.time()));
                args.add(utc(after.time()));
                args.add(after.key());
            } else {
                // sources before this one in the merged order may end a page at an instant whose passages are still due
                sql.append(after.source() < EpcisEvents.PASSAGE ? " AND p.last_seen >= ?" : " AND p.last_seen > ?");
                args.add(utc(after.time()));
            }
        }
        sql.append(" ORDER BY p.last_seen, p.id LIMIT ").append(limit);
        return jdbc.query(sql.toString(), (rs, n) -> new Row(rs.getString(1).trim(), rs.getString(2), rs.getInt(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class).toInstant(),
                new LocationConfig(rs.getString(5), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                        rs.getString(12))), args.toArray());
    }

    @Override
    public List<String> sglnLocationIds() {
        return jdbc.queryForList("SELECT id FROM location WHERE id LIKE 'urn:epc:id:sgln:%'", String.class);
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
