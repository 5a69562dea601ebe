package org.openrfid.trace.service.library;

import java.time.Instant;

/**
 * A shelf inventory session: reads at {@code locationId} (and, when given, from {@code readerId}) are
 * collected from {@code startedAt} until {@code finishedAt}; null while the session is open.
 */
public record Inventory(long id, String locationId, String readerId, Instant startedAt, Instant finishedAt, String startedBy) {

    public boolean open() {
        return finishedAt == null;
    }

    /** Whether a passage belongs to the open session: from its reader when it names one, else at its location. */
    public boolean collects(String passageLocation, String passageReader) {
        return open() && (readerId != null ? readerId.equals(passageReader) : locationId.equals(passageLocation));
    }
}
