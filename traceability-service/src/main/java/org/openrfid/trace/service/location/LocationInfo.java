package org.openrfid.trace.service.location;


/**
 * What a passage's consumers need to know of its location without asking the registry: name, kind
 * (checkpoint, lane, dock_door, ...) and WGS84 position.
 */
public record LocationInfo(String id, String name, String kind, double lat, double lon) {

    public static LocationInfo of(Location l) {
        return new LocationInfo(l.id(), l.name(), l.kind(), l.lat(), l.lon());
    }
}
