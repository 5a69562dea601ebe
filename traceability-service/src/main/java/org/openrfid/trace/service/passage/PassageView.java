package org.openrfid.trace.service.passage;

import java.time.Instant;

/** One passage in the API's shape, with where it was; RSSI is null when no reader reported it. */
public record PassageView(String id, String epc, int epcBits, String tagUri, String locationId, String locationName,
                          Double lat, Double lon, String readerId, int antenna, Instant firstSeen, Instant lastSeen,
                          int reads, Double peakRssi, String direction) {

    public static PassageView of(LocatedPassage lp) {
        var p = lp.passage();
        var l = lp.location();
        return new PassageView(p.id(), p.epc().toHex(), p.epc().bitLength(), p.tagUri(), p.locationId(),
                l == null ? null : l.name(), l == null ? null : l.lat(), l == null ? null : l.lon(), p.readerId(),
                p.antenna(), p.firstSeen(), p.lastSeen(), p.reads(), Double.isNaN(p.peakRssiDbm()) ? null : p.peakRssiDbm(),
                p.direction().name());
    }
}
