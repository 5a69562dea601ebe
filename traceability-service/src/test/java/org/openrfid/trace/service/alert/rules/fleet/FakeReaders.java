package org.openrfid.trace.service.alert.rules.fleet;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openrfid.trace.reader.ReaderState;
import org.openrfid.trace.reader.ReaderStatus;
import org.openrfid.trace.service.location.LocationInfo;

/** Readers held by this member, whose states tests set. */
final class FakeReaders implements HeldReaders {

    static final LocationInfo BRIDGE = new LocationInfo("CQ-CP-001", "Chaotianmen Bridge", "checkpoint", 29.588, 106.594);

    final Map<String, ReaderStatus> statuses = new TreeMap<>();

    void set(String readerId, ReaderState state, Instant since, String lastError) {
        statuses.put(readerId, new ReaderStatus(readerId, state, null, 0, 0, lastError, since));
    }

    void release(String readerId) {
        statuses.remove(readerId);
    }

    @Override
    public Collection<ReaderStatus> statuses() {
        return List.copyOf(statuses.values());
    }

    @Override
    public LocationInfo locationOf(String readerId, int antenna) {
        return BRIDGE;
    }
}
