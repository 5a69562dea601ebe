package org.openrfid.trace.service.passage;

import java.time.Instant;

/**
 * One passage in the API's shape, with where it was; RSSI is null when no reader reported it. {@code tid} is the
 * first TID read with the EPC (null when none was); {@code otherTid}, only there when the passage's reads carried
 * a second, different TID, is the first such one.
 */
public record PassageView(String id, String epc, int epcBits, String tagUri, String locationId, String locationName,
                          Double lat, Double lon, String readerId, int antenna, Instant firstSeen, Instant lastSeen,
                          int reads, Double peakRssi, String direction, String tid,
                          String otherTid) {

    public static PassageView of(LocatedPassage lp) {
        var p = lp.passage();
        var l = lp.location();
        return new PassageView(p.id(), p.epc().toHex(), p.epc().bitLength(), p.tagUri(), p.locationId(),
                l == null ? null : l.name(), l == null ? null : l.lat(), l == null ? null : l.lon(), p.readerId(),
                p.antenna(), p.firstSeen(), p.lastSeen(), p.reads(), Double.isNaN(p.peakRssiDbm()) ? null : p.peakRssiDbm(),
                p.direction().name(), p.tid(), p.otherTid());
    }
}
