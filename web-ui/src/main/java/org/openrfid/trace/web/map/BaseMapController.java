package org.openrfid.trace.web.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openrfid.trace.service.location.Location;
import org.openrfid.trace.service.location.Shapes;
import org.openrfid.trace.service.road.RoadLink;
import org.openrfid.trace.service.road.RoadLinks;
import org.openrfid.trace.web.console.DisplayNames;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The map's own base layer, for networks with no tile server: every registered location (a point;
 * its polygon too when it has one) and the road links between checkpoints, as one GeoJSON
 * FeatureCollection (RFC 7946, WGS84, [lon, lat]). Feature {@code properties.layer} is
 * {@code location}, {@code area} or {@code road}; a location's {@code top} is its top-level ancestor (itself when it has
 * no parent), the place the live map counts it for. What tile server draws below it: {@code /ui/map/settings}.
 */
@RestController
class BaseMapController {

    private final DisplayNames names;
    private final RoadLinks roads;
    private final MapSettings settings;

    BaseMapController(DisplayNames names, RoadLinks roads, MapSettings settings) {
        this.names = names;
        this.roads = roads;
        this.settings = settings;
    }

    /**
     * The tile server every map draws under the base layer ({@code tiles} empty: none) and the datum of its tiles
     * ({@code crs}: {@code WGS84} or {@code GCJ02}, in which case basemap.js shifts our WGS84 positions onto them).
     */
    @GetMapping(path = "/ui/map/settings", produces = "application/json")
    ResponseEntity<MapSettings> settings() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache().cachePrivate()).body(settings);
    }

    @GetMapping(path = "/ui/map/base.geojson", produces = "application/geo+json")
    ResponseEntity<Map<String, Object>> base() {
        Map<String, Location> locations = names.locationsById();
        List<Map<String, Object>> features = new ArrayList<>();
        for (RoadLink link : roads.all()) {
            Location a = locations.get(link.from());
            Location b = locations.get(link.to());
            if (a != null && b != null) {
                features.add(feature(Map.of("type", "LineString", "coordinates", List.of(new double[] {a.lon(), a.lat()},
                        new double[] {b.lon(), b.lat()})), Map.of("layer", "road", "from", a.id(), "to", b.id(),
                        "distanceM", link.distanceM())));
            }
        }
        for (Location l : locations.values()) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("id", l.id());
            props.put("name", l.name());
            props.put("kind", l.kind());
            props.put("parent", l.parent());
            props.put("top", MapActivity.topOf(l.id(), locations));
            if (l.shape() != null && !"Point".equals(l.shape().getGeometryType())) {
                Map<String, Object> area = new LinkedHashMap<>(props);
                area.put("layer", "area");
                features.add(feature(Shapes.toGeoJson(l.shape()), area));
            }
            props.put("layer", "location");
            features.add(feature(Map.of("type", "Point", "coordinates", new double[] {l.lon(), l.lat()}), props));
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noCache().cachePrivate())
                .body(Map.of("type", "FeatureCollection", "features", features));
    }

    private static Map<String, Object> feature(Map<String, Object> geometry, Map<String, Object> properties) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("type", "Feature");
        f.put("geometry", geometry);
        f.put("properties", properties);
        return f;
    }
}
