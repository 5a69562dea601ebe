package org.openrfid.trace.service.alert.rules;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.service.passage.EnrichedPassage;

/**
 * What a rule remembers of a tag's last passage: enough for distance, time and evidence, far less than
 * the passage (rules keep one per tag seen recently, hundreds of thousands).
 */
public record Sighting(String passageId, String locationId, String locationName, double lat, double lon, String readPoint,
                       Instant firstSeen, Instant lastSeen) {

    /** The passage's sighting; its location must be registered (have a position). */
    public static Sighting of(EnrichedPassage e) {
        Passage p = e.passage();
        return new Sighting(p.id(), p.locationId(), Evidence.place(e), e.location().lat(), e.location().lon(),
                p.readerId() + "/" + p.antenna(), p.firstSeen(), p.lastSeen());
    }

    public Map<String, Object> evidence() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", passageId);
        m.put("locationId", locationId);
        m.put("location", locationName);
        m.put("readPoint", readPoint);
        m.put("firstSeen", firstSeen.toString());
        m.put("lastSeen", lastSeen.toString());
        return m;
    }
}
