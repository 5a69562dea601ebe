package org.openrfid.trace.service.location.jdbc;

import org.openrfid.trace.service.platform.sql.Sql;
import org.openrfid.trace.service.platform.sql.SqlColumn;
import org.openrfid.trace.service.platform.sql.SqlDialect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.openrfid.trace.service.location.Location;
import org.openrfid.trace.service.location.Locations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Locations over JDBC. {@code geom} is the WGS84 shape (Point, Polygon or MultiPolygon, SRID 4326),
 * {@code anchor} its representative point, computed here with JTS so both dialects store the same.
 * Shapes travel as WKB both ways, so no precision is lost to text.
 */
public class JdbcLocations implements Locations {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final SqlDialect dialect;

    public JdbcLocations(JdbcTemplate jdbc, TransactionTemplate tx, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.dialect = dialect;
    }

    @Override
    public void save(Collection<Location> locations) {
        List<Location> batch = List.copyOf(locations);
        String upsert = dialect.upsert("location", List.of("id"), UPSERT_COLUMNS);
        tx.executeWithoutResult(status -> jdbc.batchUpdate(upsert, batch, 500, (ps, l) -> {
            ps.setString(1, l.id());
            ps.setString(2, l.name());
            ps.setString(3, l.kind());
            ps.setString(4, l.parent());
            ps.setBytes(5, new WKBWriter().write(l.shape()));
            ps.setDouble(6, l.lon());
            ps.setDouble(7, l.lat());
        }));
    }

    @Override
    public Optional<Location> find(String id) {
        return jdbc.query(SELECT + " WHERE id = ?", ROW, id).stream().findFirst();
    }

    @Override
    public boolean delete(String id) {
        return jdbc.update("DELETE FROM location WHERE id = ?", id) > 0;
    }

    @Override
    public List<Location> all() {
        return jdbc.query(SELECT + " ORDER BY id", ROW);
    }

    @Override
    public List<Location> page(String afterId, int limit) {
        return afterId == null
                ? jdbc.query(SELECT + " ORDER BY id LIMIT ?", ROW, limit)
                : jdbc.query(SELECT + " WHERE id > ? ORDER BY id LIMIT ?", ROW, afterId, limit);
    }

    @Override
    public List<Location> within(Geometry area) {
        // '&&' (bounding boxes overlap) lets both databases use the spatial index before the exact test.
        String wkt = area.toText();
        return jdbc.query(SELECT + " WHERE geom && ST_GeomFromText(?, 4326) AND ST_Intersects(geom, ST_GeomFromText(?, 4326)) ORDER BY id",
                ROW, wkt, wkt);
    }

    @Override
    public List<Location> near(double lat, double lon, double metres) {
        // The index narrows to a box around the circle; the exact great-circle test is done here, the
        // same on both databases (H2GIS has no spheroid distance).
        double dLat = Math.toDegrees(metres / EARTH_RADIUS_M);
        double cos = Math.cos(Math.toRadians(lat));
        double dLon = cos < 1e-9 ? 180 : Math.min(180, dLat / cos);
        Envelope box = new Envelope(Math.max(-180, lon - dLon), Math.min(180, lon + dLon), Math.max(-90, lat - dLat), Math.min(90, lat + dLat));
        List<Location> candidates = within(new GeometryFactory().toGeometry(box));
        List<Location> inside = new ArrayList<>();
        for (Location l : candidates) {
            double d = l.isArea() ? areaMetres(lat, lon, l.shape()) : greatCircleMetres(lat, lon, l.lat(), l.lon());
            if (d <= metres) {
                inside.add(l);
            }
        }
        return inside;
    }

    /**
     * Distance from a point to an area in metres: 0 inside, else to the nearest edge, measured in a
     * local equirectangular projection around the point. Within the radii a "who was here" question
     * uses (kilometres), the error is far below a reader's range.
     */
    static double areaMetres(double lat, double lon, Geometry area) {
        double cos = Math.cos(Math.toRadians(lat));
        Geometry local = area.copy();
        local.apply((org.locationtech.jts.geom.CoordinateFilter) c -> {
            double dLon = c.x - lon;
            dLon = dLon > 180 ? dLon - 360 : dLon < -180 ? dLon + 360 : dLon;
            c.x = Math.toRadians(dLon) * cos * EARTH_RADIUS_M;
            c.y = Math.toRadians(c.y - lat) * EARTH_RADIUS_M;
        });
        local.geometryChanged();
        return local.distance(new GeometryFactory().createPoint(new org.locationtech.jts.geom.Coordinate(0, 0)));
    }

    @Override
    public Set<String> withDescendants(Collection<String> ids) {
        // Breadth first, one indexed query per level; the visited set makes a cyclic parent chain harmless.
        Set<String> all = new TreeSet<>(ids);
        Set<String> level = new LinkedHashSet<>(ids);
        while (!level.isEmpty()) {
            Set<String> next = new LinkedHashSet<>();
            for (List<String> chunk : Sql.chunks(List.copyOf(level), 500)) {
                String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
                for (String child : jdbc.queryForList("SELECT id FROM location WHERE parent_id IN (" + marks + ")", String.class, chunk.toArray())) {
                    if (all.add(child)) {
                        next.add(child);
                    }
                }
            }
            level = next;
        }
        return all;
    }

    static double greatCircleMetres(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** Mean Earth radius (IUGG), metres. */
    private static final double EARTH_RADIUS_M = 6_371_008.8;

    /** Parameters: id, name, kind, parent, shape as WKB, anchor lon, anchor lat. */
    private static final List<SqlColumn> UPSERT_COLUMNS = List.of(SqlColumn.bound("id"), SqlColumn.bound("name"), SqlColumn.bound("kind"),
            SqlColumn.bound("parent_id"), SqlColumn.expression("geom", "ST_GeomFromWKB(?, 4326)"),
            SqlColumn.expression("anchor", "ST_SetSRID(ST_MakePoint(?, ?), 4326)"));

    private static final String SELECT = "SELECT id, name, kind, parent_id, ST_Y(anchor) AS lat, ST_X(anchor) AS lon,"
            + " ST_AsBinary(geom) AS shape FROM location";

    private static final RowMapper<Location> ROW = (rs, row) -> new Location(
            rs.getString("id"), rs.getString("name"), rs.getString("kind"),
            rs.getDouble("lat"), rs.getDouble("lon"), rs.getString("parent_id"), shape(rs.getBytes("shape")));

    private static Geometry shape(byte[] wkb) {
        try {
            return new WKBReader().read(wkb);
        } catch (ParseException e) {
            throw new IllegalStateException("location geometry is not readable WKB: " + e.getMessage(), e);
        }
    }
}
