package org.openrfid.trace.web.locations;

import java.util.Locale;
import org.openrfid.trace.service.location.Location;

/**
 * One place in the table of {@code /admin/locations}: what it is called, its kind, the name of the place it is
 * part of, how many lanes it has, and where it is (a point, or an area with its corners counted).
 */
public record LocationAdminRow(String id, String name, String kind, String parent, String parentName, int lanes, boolean area,
                               int corners, String lat, String lon) {

    static LocationAdminRow of(Location l, String parentName, int lanes) {
        int corners = l.isArea() ? Math.max(0, l.shape().getNumPoints() - l.shape().getNumGeometries()) : 0;
        return new LocationAdminRow(l.id(), l.name(), l.kind(), l.parent(), parentName, lanes, l.isArea(), corners,
                String.format(Locale.ROOT, "%.6f", l.lat()), String.format(Locale.ROOT, "%.6f", l.lon()));
    }
}
