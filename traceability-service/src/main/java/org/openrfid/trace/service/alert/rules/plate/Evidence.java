package org.openrfid.trace.service.alert.rules.plate;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openrfid.trace.service.anpr.PlateRead;
import org.openrfid.trace.service.passage.EnrichedPassage;

/** The plate rules' evidence, as JSON-friendly maps (times as ISO-8601 text, no NaN). */
final class Evidence {

    private Evidence() {
    }

    static Map<String, Object> cameraRead(PlateRead r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("camera", r.cameraId());
        m.put("location", r.locationId());
        m.put("plate", r.plate());
        m.put("plateColour", r.plateColour());
        m.put("confidence", Double.isNaN(r.confidence()) ? null : r.confidence());
        m.put("time", r.timestamp().toString());
        m.put("direction", r.direction());
        return m;
    }

    /** @param boundPlate the plate of the vehicle the passage's tag was bound to, or null */
    static Map<String, Object> passage(EnrichedPassage p, String vehicleId, String boundPlate) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.passage().id());
        m.put("epc", p.passage().epc().toHex());
        m.put("firstSeen", p.passage().firstSeen().toString());
        m.put("lastSeen", p.passage().lastSeen().toString());
        m.put("readerId", p.passage().readerId());
        m.put("vehicleId", vehicleId);
        m.put("boundPlate", boundPlate);
        return m;
    }
}
