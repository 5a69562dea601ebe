package org.openrfid.trace.service.alert.rules.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openrfid.trace.reader.ReaderState;
import org.openrfid.trace.reader.ReaderStatus;
import org.openrfid.trace.service.alert.AlertCandidate;
import org.openrfid.trace.service.alert.AlertSink;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.rule.Rule;
import org.openrfid.trace.service.alert.rule.RuleDefinition;
import org.openrfid.trace.service.alert.rules.Bounded;
import org.openrfid.trace.service.alert.rules.Evidence;
import org.openrfid.trace.service.location.LocationInfo;
import org.openrfid.trace.service.passage.EnrichedPassage;

/**
 * ANTENNA_SILENT: an antenna of a connected reader has read nothing for longer than it usually stays
 * quiet — a cable pulled, an antenna knocked askew, a port that died while the reader still answers.
 * "Usually" is learned from passages: the longest gap between consecutive passages the antenna saw
 * over a trailing window (kept as the maximum per one of {@value #BUCKETS} slices of the window, so
 * memory per antenna is fixed). The alert threshold is max({@code minQuiet}, {@code factor} × usual).
 * Time connected counts from the reader's (re)connection: the downtime itself is READER_DOWN's matter.
 * Raised once per silence; the next read ends it.
 */
final class AntennaSilentRule implements Rule {

    static final int BUCKETS = 24;

    static final class Activity {
        final String readerId;
        final int antenna;
        Instant last;
        LocationInfo location;
        boolean raised;
        final long[] bucketIndex = new long[BUCKETS];
        final long[] bucketMaxMillis = new long[BUCKETS];

        Activity(String readerId, int antenna) {
            this.readerId = readerId;
            this.antenna = antenna;
            java.util.Arrays.fill(bucketIndex, -1);
        }
    }

    private final RuleDefinition definition;
    private final AntennaSilentRuleFactory.Settings settings;
    private final HeldReaders readers;
    private final Bounded<String, Activity> antennas;
    private final long bucketMillis;

    AntennaSilentRule(RuleDefinition definition, AntennaSilentRuleFactory.Settings settings, HeldReaders readers) {
        this.definition = definition;
        this.settings = settings;
        this.readers = readers;
        this.antennas = new Bounded<>(settings.maxAntennas());
        this.bucketMillis = Math.max(1, settings.window().toMillis() / BUCKETS);
    }

    @Override
    public RuleDefinition definition() {
        return definition;
    }

    @Override
    public void onPassage(EnrichedPassage passage, AlertSink alerts) {
        var p = passage.passage();
        List<String> points = p.readPoints().isEmpty() ? List.of(p.readerId() + "/" + p.antenna()) : p.readPoints();
        for (String point : points) {
            int slash = point.lastIndexOf('/');
            if (slash <= 0) {
                continue;
            }
            int antenna;
            try {
                antenna = Integer.parseInt(point.substring(slash + 1));
            } catch (NumberFormatException e) {
                continue;
            }
            Activity a = antennas.get(point);
            if (a == null) {
                a = new Activity(point.substring(0, slash), antenna);
            } else if (p.firstSeen().isAfter(a.last)) {
                learnGap(a, p.firstSeen(), Duration.between(a.last, p.firstSeen()).toMillis());
            }
            if (a.last == null || p.lastSeen().isAfter(a.last)) {
                a.last = p.lastSeen();
            }
            a.location = passage.location();
            a.raised = false;
            antennas.put(point, a);
        }
    }

    private void learnGap(Activity a, Instant at, long gapMillis) {
        long index = at.toEpochMilli() / bucketMillis;
        int slot = (int) Math.floorMod(index, (long) BUCKETS);
        if (a.bucketIndex[slot] != index) {
            a.bucketIndex[slot] = index;
            a.bucketMaxMillis[slot] = 0;
        }
        a.bucketMaxMillis[slot] = Math.max(a.bucketMaxMillis[slot], gapMillis);
    }

    /** The longest gap learned within the trailing window before {@code now}. */
    static long usualMillis(Activity a, Instant now, long bucketMillis) {
        long current = now.toEpochMilli() / bucketMillis;
        long usual = 0;
        for (int i = 0; i < BUCKETS; i++) {
            if (a.bucketIndex[i] >= 0 && current - a.bucketIndex[i] < BUCKETS) {
                usual = Math.max(usual, a.bucketMaxMillis[i]);
            }
        }
        return usual;
    }

    @Override
    public void onTick(Instant now, AlertSink alerts) {
        antennas.forgetBefore(now.minus(settings.window()), a -> a.last);
        Map<String, Instant> connectedSince = new HashMap<>();
        for (ReaderStatus s : readers.statuses()) {
            if (s.state() == ReaderState.CONNECTED) {
                connectedSince.put(s.readerId(), s.since() == null ? Instant.MIN : s.since());
            }
        }
        if (connectedSince.isEmpty()) {
            return;
        }
        for (Activity a : antennas.view().values()) {
            Instant since = connectedSince.get(a.readerId);
            if (since == null || a.raised || a.location != null && !definition.covers(a.location.id())) {
                continue;
            }
            Instant quietFrom = a.last.isAfter(since) ? a.last : since;
            long quiet = Duration.between(quietFrom, now).toMillis();
            long usual = usualMillis(a, now, bucketMillis);
            long threshold = Math.max(settings.minQuiet().toMillis(), Math.round(settings.factor() * usual));
            if (quiet > threshold) {
                a.raised = true;
                alerts.raise(candidate(a, now, quietFrom, quiet, usual, threshold));
            }
        }
    }

    private AlertCandidate candidate(Activity a, Instant now, Instant quietFrom, long quiet, long usual, long threshold) {
        LocationInfo where = a.location != null ? a.location : readers.locationOf(a.readerId, a.antenna);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("readerId", a.readerId);
        evidence.put("antenna", a.antenna);
        evidence.put("lastRead", a.last.toString());
        evidence.put("quietSince", quietFrom.toString());
        evidence.put("quietSeconds", quiet / 1000);
        evidence.put("usualQuietSeconds", usual / 1000);
        evidence.put("thresholdSeconds", threshold / 1000);
        String summary = "Antenna " + a.antenna + " of reader " + a.readerId + (where != null ? " at " + where.name() : "")
                + " has read nothing for " + Evidence.span(Duration.ofMillis(quiet)) + " while its reader is connected (usually quiet at most "
                + Evidence.span(Duration.ofMillis(usual)) + ").";
        return new AlertCandidate(AlertType.ANTENNA_SILENT, definition.id(), definition.severity(), now, where == null ? null : where.id(),
                null, null, null, null, summary, evidence, "antenna:" + a.readerId + "/" + a.antenna);
    }

    int tracked() {
        return antennas.size();
    }
}
