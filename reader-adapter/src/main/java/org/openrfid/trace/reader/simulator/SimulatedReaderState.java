package org.openrfid.trace.reader.simulator;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The protocol state of one simulated reader: its ROSpecs and AccessSpecs, the report spec set by
 * SET_READER_CONFIG, and the keepalive period. It changes only through the transitions below, each
 * answering as a reader would: empty when done, or the reason it refuses (sent as A_Invalid).
 *
 * <p>Thread-safe: the connection's handlers hold the lock for a whole request, so a SET_READER_CONFIG
 * is seen by the player all at once or not at all.
 */
final class SimulatedReaderState {

    /** ROSpecState (§10.2.1); the code is what LLRP numbers it. */
    enum RoSpecState {
        DISABLED(0), INACTIVE(1), ACTIVE(2);

        final int code;

        RoSpecState(int code) {
            this.code = code;
        }
    }

    /** A ROSpec as far as the simulator cares: how it starts, how it reports, and its state. */
    static final class RoSpec {
        final long id;
        final boolean immediateStart;
        final long reportEveryMs;
        final ReportSpec report;
        private RoSpecState state = RoSpecState.DISABLED;

        RoSpec(long id, boolean immediateStart, long reportEveryMs, ReportSpec report) {
            this.id = id;
            this.immediateStart = immediateStart;
            this.reportEveryMs = reportEveryMs;
            this.report = report;
        }
    }

    /** An AccessSpec reduced to the TID read it may perform (−1: none). */
    private static final class AccessSpec {
        final int tidOpSpecId;
        boolean enabled;

        AccessSpec(int tidOpSpecId) {
            this.tidOpSpecId = tidOpSpecId;
        }
    }

    /** What the player needs, read in one go: the active ROSpec (or null), the TID OpSpec (or −1), the keepalive period. */
    record Snapshot(RoSpec active, int tidOpSpecId, long keepaliveMs) {
    }

    private final Map<Long, RoSpec> roSpecs = new TreeMap<>();
    private final Map<Long, AccessSpec> accessSpecs = new TreeMap<>();
    private ReportSpec defaultReport = ReportSpec.DEFAULT;
    private long keepaliveMs;

    synchronized Snapshot snapshot() {
        return new Snapshot(activeRoSpec(), tidOpSpecId(), keepaliveMs);
    }

    /** A new client gets no keepalives until its SET_READER_CONFIG asks; the specs stay, as on a reader. */
    synchronized void clientConnected() {
        keepaliveMs = 0;
    }

    synchronized void resetToFactoryDefault() {
        roSpecs.clear();
        accessSpecs.clear();
        // N stays as it was: so the simulator has always done it, and our client sets N again anyway.
        defaultReport = new ReportSpec(defaultReport.everyTags(), ReportSelector.DEFAULT);
        keepaliveMs = 0;
    }

    /** @param ms the period; 0 for no keepalives */
    synchronized void keepalive(long ms) {
        keepaliveMs = ms;
    }

    synchronized ReportSpec defaultReport() {
        return defaultReport;
    }

    synchronized void defaultReport(ReportSpec report) {
        defaultReport = report;
    }

    synchronized Optional<String> addRoSpec(RoSpec spec) {
        if (spec.id == 0 || roSpecs.containsKey(spec.id)) {
            return Optional.of("ROSpecID " + spec.id + " is zero or in use");
        }
        roSpecs.put(spec.id, spec);
        return Optional.empty();
    }

    /** @param specId 0 for all */
    synchronized Optional<String> deleteRoSpec(long specId) {
        if (specId == 0) {
            roSpecs.clear();
            return Optional.empty();
        }
        return roSpecs.remove(specId) != null ? Optional.empty() : unknown("ROSpec", specId);
    }

    synchronized Optional<String> enableRoSpec(long specId) {
        return moveRoSpec(specId, null, RoSpecState.INACTIVE);
    }

    synchronized Optional<String> startRoSpec(long specId) {
        return moveRoSpec(specId, RoSpecState.INACTIVE, RoSpecState.ACTIVE);
    }

    synchronized Optional<String> stopRoSpec(long specId) {
        return moveRoSpec(specId, RoSpecState.ACTIVE, RoSpecState.INACTIVE);
    }

    synchronized Optional<String> disableRoSpec(long specId) {
        return moveRoSpec(specId, null, RoSpecState.DISABLED);
    }

    synchronized Optional<String> addAccessSpec(long specId, int tidOpSpecId) {
        if (specId == 0 || accessSpecs.containsKey(specId)) {
            return Optional.of("AccessSpecID " + specId + " is zero or in use");
        }
        accessSpecs.put(specId, new AccessSpec(tidOpSpecId));
        return Optional.empty();
    }

    synchronized Optional<String> enableAccessSpec(long specId) {
        return switchAccessSpec(specId, true);
    }

    synchronized Optional<String> disableAccessSpec(long specId) {
        return switchAccessSpec(specId, false);
    }

    synchronized Optional<String> deleteAccessSpec(long specId) {
        if (specId == 0) {
            accessSpecs.clear();
            return Optional.empty();
        }
        return accessSpecs.remove(specId) != null ? Optional.empty() : unknown("AccessSpec", specId);
    }

    /**
     * Moves one ROSpec, or all for id 0, between the states §10.2.1 allows. For id 0 a ROSpec not in
     * {@code required} (null: any) is skipped; for a single id it is refused.
     */
    private Optional<String> moveRoSpec(long specId, RoSpecState required, RoSpecState target) {
        List<RoSpec> targets = specId == 0 ? List.copyOf(roSpecs.values())
                : roSpecs.containsKey(specId) ? List.of(roSpecs.get(specId)) : List.of();
        if (targets.isEmpty() && specId != 0) {
            return unknown("ROSpec", specId);
        }
        for (RoSpec r : targets) {
            if (required != null && r.state != required) {
                if (specId != 0) {
                    return Optional.of("ROSpec " + specId + " is in state " + r.state.code);
                }
                continue;
            }
            // An Immediate start trigger (§10.2.1.1.1) makes an enabled ROSpec active at once.
            boolean enabling = required == null && target == RoSpecState.INACTIVE;
            r.state = enabling && r.immediateStart ? RoSpecState.ACTIVE : target;
        }
        return Optional.empty();
    }

    private Optional<String> switchAccessSpec(long specId, boolean enabled) {
        if (specId == 0) {
            accessSpecs.values().forEach(a -> a.enabled = enabled);
            return Optional.empty();
        }
        AccessSpec a = accessSpecs.get(specId);
        if (a == null) {
            return unknown("AccessSpec", specId);
        }
        a.enabled = enabled;
        return Optional.empty();
    }

    private RoSpec activeRoSpec() {
        for (RoSpec r : roSpecs.values()) {
            if (r.state == RoSpecState.ACTIVE) {
                return r;
            }
        }
        return null;
    }

    private int tidOpSpecId() {
        for (AccessSpec a : accessSpecs.values()) {
            if (a.enabled && a.tidOpSpecId >= 0) {
                return a.tidOpSpecId;
            }
        }
        return -1;
    }

    private static Optional<String> unknown(String what, long id) {
        return Optional.of(what + " " + id + " does not exist");
    }
}
