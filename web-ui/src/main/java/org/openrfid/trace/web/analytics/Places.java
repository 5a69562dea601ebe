package org.openrfid.trace.web.analytics;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.openrfid.trace.service.location.Location;
import org.openrfid.trace.web.console.DisplayNames;

/**
 * The places the charts count: checkpoints, sites and libraries (top-level locations), their lanes, doors and
 * gates counted with them (the analytics' checkpoint level), named as people know them.
 */
final class Places {

    public record Place(String id, String name) {
    }

    private final DisplayNames names;

    Places(DisplayNames names) {
        this.names = names;
    }

    List<Place> topLevel() {
        return names.locationsById().values().stream().filter(l -> l.parent() == null)
                .map(l -> new Place(l.id(), l.name())).sorted(Comparator.comparing(Place::name)).toList();
    }

    String name(String id) {
        return names.locationName(id);
    }

    /** The top-level place a location belongs to (itself when it has no parent). */
    String top(String id) {
        Map<String, Location> all = names.locationsById();
        String at = id;
        for (int depth = 0; depth < 8; depth++) {
            Location l = all.get(at);
            if (l == null || l.parent() == null) {
                return at;
            }
            at = l.parent();
        }
        return at;
    }

    Location location(String id) {
        return names.locationsById().get(id);
    }
}
