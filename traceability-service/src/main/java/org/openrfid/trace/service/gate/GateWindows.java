package org.openrfid.trace.service.gate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.openrfid.trace.service.passage.EnrichedPassage;

/**
 * Groups passages by gate: a passage joins the open group of its location when its first read is
 * within the window of the group's last read (reader time); otherwise it closes that group and opens
 * the next. A group also closes once no passage has joined it for one window (wall clock), because a
 * truck that has left sends nothing more. Not thread-safe on its own: {@link GateFeed} serialises calls.
 */
final class GateWindows {

    private static final class Open {
        final List<EnrichedPassage> passages = new ArrayList<>();
        Instant lastSeen;
        Instant joinedAt;
    }

    private final Duration window;
    private final Map<String, Open> open = new HashMap<>();

    GateWindows(Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("rfid.gate.window must be positive, was " + window);
        }
        this.window = window;
    }

    /** Adds a passage; returns the group it closed (its location's previous one), if any. */
    List<List<EnrichedPassage>> add(EnrichedPassage p, Instant now) {
        List<List<EnrichedPassage>> closed = new ArrayList<>();
        String location = p.passage().locationId();
        Open group = open.get(location);
        if (group != null && p.passage().firstSeen().isAfter(group.lastSeen.plus(window))) {
            closed.add(group.passages);
            group = null;
        }
        if (group == null) {
            group = new Open();
            group.lastSeen = p.passage().lastSeen();
            open.put(location, group);
        }
        group.passages.add(p);
        if (p.passage().lastSeen().isAfter(group.lastSeen)) {
            group.lastSeen = p.passage().lastSeen();
        }
        group.joinedAt = now;
        return closed;
    }

    /** Closes and returns the groups nothing joined for a window up to {@code now}. */
    List<List<EnrichedPassage>> closeIdle(Instant now) {
        List<List<EnrichedPassage>> closed = new ArrayList<>();
        for (Iterator<Open> it = open.values().iterator(); it.hasNext(); ) {
            Open group = it.next();
            if (!group.joinedAt.plus(window).isAfter(now)) {
                closed.add(group.passages);
                it.remove();
            }
        }
        return closed;
    }

    int openGroups() {
        return open.size();
    }
}
