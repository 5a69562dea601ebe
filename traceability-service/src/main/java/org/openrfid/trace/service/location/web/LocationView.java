package org.openrfid.trace.service.location.web;

import java.util.Map;
import org.openrfid.trace.service.location.Location;
import org.openrfid.trace.service.location.Shapes;

/**
 * A location as the JSON API shows it: its fields and its shape as a GeoJSON geometry object
 * (RFC 7946). The domain record stays free of JSON concerns.
 */
record LocationView(String id, String name, String kind, double lat, double lon, String parent, Map<String, Object> geometry) {

    static LocationView of(Location l) {
        return new LocationView(l.id(), l.name(), l.kind(), l.lat(), l.lon(), l.parent(), Shapes.toGeoJson(l.shape()));
    }
}
