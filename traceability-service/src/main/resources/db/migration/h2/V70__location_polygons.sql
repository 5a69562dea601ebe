-- Locations may be areas (a warehouse, a car park) as well as points: the geometry becomes any of
-- Point, Polygon or MultiPolygon, valid, in WGS84. Area questions intersect this geometry.
-- 'anchor' is the representative point (the point itself, or a point on the polygon's surface,
-- computed by the application with JTS so both stores agree); trajectories and map markers use it.
DROP INDEX location_geom_idx;
ALTER TABLE location ALTER COLUMN geom SET DATA TYPE GEOMETRY(GEOMETRY, 4326);
ALTER TABLE location ADD COLUMN anchor GEOMETRY(POINT, 4326);
UPDATE location SET anchor = geom;
ALTER TABLE location ALTER COLUMN anchor SET NOT NULL;
ALTER TABLE location ADD CONSTRAINT location_geom_type_ck
    CHECK (ST_GeometryType(geom) IN ('POINT', 'POLYGON', 'MULTIPOLYGON') AND ST_IsValid(geom));
CREATE SPATIAL INDEX location_geom_idx ON location (geom);
