package org.openrfid.trace.web.dashboard;

import java.time.Instant;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.web.console.ObjectLabel;

/**
 * One passage as the dashboard shows it: what passed (label, or the tag for an unbound one), where
 * (location name and kind), which way, which lane, when.
 *
 * @param kind         the object kind name, or {@code TAG} for a tag bound to nothing
 * @param label        the object's label; null for a tag bound to nothing
 * @param locationKind the location's kind, null when unregistered (scopes limited to places need it)
 */
public record PassageRow(String id, String kind, ObjectLabel label, String tag, String epcHex, String locationId,
                         String locationName, String locationKind, String direction, int lane, Instant at) {

    static PassageRow of(Passage p, String kind, ObjectLabel label, String locationName, String locationKind) {
        return new PassageRow(p.id(), kind, label, p.tagUri() != null ? p.tagUri() : p.epc().toHex(), p.epc().toHex(),
                p.locationId(), locationName, locationKind, p.direction().name(), p.lane(), p.firstSeen());
    }

    /** The object's id for restriction checks (the EPC for an unbound tag). */
    String objectId() {
        return label == null ? epcHex : label.id();
    }
}
