package org.openrfid.trace.service.analytics;

import java.util.List;
import org.openrfid.trace.service.platform.web.Cursors;

/** Where a page of companions ended: companions are ordered by shared sightings (most first), kind, id. */
public record CompanionCursor(int shared, String kind, String id) {

    public String encode() {
        return Cursors.encode(Integer.toString(shared), kind, id);
    }

    /** Null for the first page; IllegalArgumentException for a cursor this API did not issue. */
    public static CompanionCursor decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        List<String> parts = Cursors.decode(cursor, 3);
        try {
            return new CompanionCursor(Integer.parseInt(parts.get(0)), parts.get(1), parts.get(2));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cursor: not a cursor issued by this API");
        }
    }
}
