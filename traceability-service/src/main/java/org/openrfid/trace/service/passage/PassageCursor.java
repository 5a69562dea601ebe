package org.openrfid.trace.service.passage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.openrfid.trace.passage.Instants;
import org.openrfid.trace.service.platform.web.Cursors;

/** Where a page of passages ended: the last passage's first-seen time and id. */
public record PassageCursor(Instant firstSeen, String id) {

    public PassageCursor {
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(id, "id");
    }

    public String encode() {
        return Cursors.encode(Long.toString(Instants.toMicros(firstSeen)), id);
    }

    /** Null for a null cursor (the first page); IllegalArgumentException for one this API did not issue. */
    public static PassageCursor decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        List<String> parts = Cursors.decode(cursor, 2);
        try {
            long micros = Long.parseLong(parts.get(0));
            String id = parts.get(1);
            if (id.length() > 64) {
                throw new IllegalArgumentException("cursor: not a cursor issued by this API");
            }
            return new PassageCursor(Instants.ofMicros(micros), id);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cursor: not a cursor issued by this API");
        }
    }
}
