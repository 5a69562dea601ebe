package org.openrfid.trace.service.alert.rules.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.openrfid.trace.reader.ReaderState;
import org.openrfid.trace.reader.ReaderStatus;
import org.openrfid.trace.service.alert.AlertCandidate;
import org.openrfid.trace.service.alert.AlertSink;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.rule.Rule;
import org.openrfid.trace.service.alert.rule.RuleDefinition;
import org.openrfid.trace.service.alert.rules.Evidence;
import org.openrfid.trace.service.location.LocationInfo;

/**
 * READER_DOWN: a reader this member holds has not been CONNECTED for longer than {@code after}. An
 * outage runs from the first status that is not CONNECTED until the next CONNECTED, however often it
 * moves between BACKOFF and CONNECTING meanwhile, and is raised once. DISABLED readers were stopped on
 * purpose and are not down.
 */
final class ReaderDownRule implements Rule {

    private record Outage(Instant since, boolean raised) {
    }

    private final RuleDefinition definition;
    private final Duration after;
    private final HeldReaders readers;
    /** Readers held here that are down; bounded by the readers this member holds. */
    private final Map<String, Outage> outages = new HashMap<>();

    ReaderDownRule(RuleDefinition definition, Duration after, HeldReaders readers) {
        this.definition = definition;
        this.after = after;
        this.readers = readers;
    }

    @Override
    public RuleDefinition definition() {
        return definition;
    }

    @Override
    public void onTick(Instant now, AlertSink alerts) {
        Set<String> seen = new HashSet<>();
        for (ReaderStatus s : readers.statuses()) {
            seen.add(s.readerId());
            if (s.state() == ReaderState.CONNECTED || s.state() == ReaderState.DISABLED) {
                outages.remove(s.readerId());
                continue;
            }
            Outage o = outages.get(s.readerId());
            if (o == null) {
                o = new Outage(s.since() != null && s.since().isBefore(now) ? s.since() : now, false);
                outages.put(s.readerId(), o);
            }
            LocationInfo where = readers.locationOf(s.readerId(), 0);
            if (!o.raised() && Duration.between(o.since(), now).compareTo(after) > 0 && (where == null ? definition.locations().isEmpty() : definition.covers(where.id()))) {
                outages.put(s.readerId(), new Outage(o.since(), true));
                alerts.raise(candidate(s, o.since(), now, where));
            }
        }
        outages.keySet().retainAll(seen); // released to another member, or removed
    }

    private AlertCandidate candidate(ReaderStatus s, Instant since, Instant now, LocationInfo where) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("readerId", s.readerId());
        evidence.put("state", s.state().name());
        evidence.put("since", since.toString());
        evidence.put("lastError", s.lastError());
        evidence.put("lastKeepalive", s.lastKeepalive() == null ? null : s.lastKeepalive().toString());
        evidence.put("flapping", s.flapping());
        String summary = "Reader " + s.readerId() + (where != null ? " at " + where.name() : "") + " has not been connected for "
                + Evidence.span(Duration.between(since, now)) + " (" + s.state() + " since " + Evidence.time(since) + ")"
                + (s.lastError() != null ? ": " + s.lastError() : ".");
        return new AlertCandidate(AlertType.READER_DOWN, definition.id(), definition.severity(), now, where == null ? null : where.id(),
                null, null, null, null, summary, evidence, "reader:" + s.readerId());
    }
}
