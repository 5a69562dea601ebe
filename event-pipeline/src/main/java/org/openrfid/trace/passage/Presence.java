package org.openrfid.trace.passage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.reader.TagRead;

/**
 * One tag's open presence at one location: first and last seen, reads, peak RSSI, and the read points it
 * was seen at (first, last, strongest, and the trail in order). Plain values, so it can be snapshotted as it
 * is. Part of the {@link PassageSmoother}'s state, driven by its thread.
 */
final class Presence {

    final RawEpc epc;
    /** The reader that saw it last: its watermark decides when the presence closes. */
    ReaderClock clock;
    long firstSeen;
    long lastSeen;
    int reads;
    int peakRssiCdbm = TagRead.NO_RSSI;
    ResolvedAntenna first;
    ResolvedAntenna last;
    ResolvedAntenna strongest;
    ResolvedAntenna[] trail = new ResolvedAntenna[2];
    int trailSize;
    /** The first TID a read carried, and the first one that differed from it (two fields, nothing per read). */
    String tid;
    String otherTid;
    /** The last read counted, to know it again when it comes twice (not snapshotted: a restored presence knows none). */
    private ResolvedAntenna lastReadAt;
    private long lastReadFirst;
    private long lastReadSeen;
    private int lastReadCount;
    private int lastReadRssi;

    Presence(RawEpc epc, ReaderClock clock, long firstSeen, ResolvedAntenna at) {
        this.epc = epc;
        this.clock = clock;
        this.firstSeen = firstSeen;
        this.lastSeen = firstSeen;
        this.first = at;
        this.last = at;
        this.strongest = at;
    }

    /** Whether a read is the one counted last: same read point, times, count and RSSI. */
    boolean repeats(ResolvedAntenna at, long first, long seen, int seenCount, int rssiCdbm) {
        return lastReadAt == at && lastReadSeen == seen && lastReadFirst == first && lastReadCount == seenCount && lastReadRssi == rssiCdbm;
    }

    void lastRead(ResolvedAntenna at, long first, long seen, int seenCount, int rssiCdbm) {
        lastReadAt = at;
        lastReadFirst = first;
        lastReadSeen = seen;
        lastReadCount = seenCount;
        lastReadRssi = rssiCdbm;
    }

    /** A presence from a snapshot's values, its read points resolved again; its trail is still to be added. */
    static Presence restored(LocationSnapshot.PresenceState s, ReaderClock clock, ResolvedAntenna first, ResolvedAntenna last,
                             ResolvedAntenna strongest) {
        Presence p = new Presence(s.epc(), clock, s.firstSeen(), first);
        p.lastSeen = s.lastSeen();
        p.last = last;
        p.strongest = strongest;
        p.reads = s.reads();
        p.peakRssiCdbm = s.peakRssiCdbm();
        p.tid = s.tid();
        p.otherTid = s.otherTid();
        return p;
    }

    /**
     * Keeps the first TID and the first one that differs from it; later ones add nothing the alert needs. A
     * value longer than {@link Passage#MAX_TID_HEX} is no TID bank a tag has and is not kept.
     */
    void sawTid(String tidHex) {
        if (tidHex == null || otherTid != null || tidHex.length() > Passage.MAX_TID_HEX) {
            return;
        }
        if (tid == null) {
            tid = tidHex;
        } else if (!tid.equals(tidHex)) {
            otherTid = tidHex;
        }
    }

    /** Adds the read point to the trail unless it is there already (or the trail is full). */
    void saw(ResolvedAntenna at) {
        if (trailSize > 0 && trail[trailSize - 1] == at) {
            return; // the common case: the same antenna again
        }
        for (int i = 0; i < trailSize; i++) {
            if (trail[i] == at) {
                return;
            }
        }
        if (trailSize == Passage.MAX_READ_POINTS) {
            return;
        }
        if (trailSize == trail.length) {
            trail = Arrays.copyOf(trail, Passage.MAX_READ_POINTS);
        }
        trail[trailSize++] = at;
    }

    /**
     * Takes another owner's presence of the same tag at the same location into this one (a member that
     * merges into another cluster after a network split hands its open presences over). Presences that
     * start at the same read are the same presence seen up to different points: the one with more reads
     * wins. Presences whose times overlap share reads that cannot be told apart: the larger count is kept
     * (a read lost from the count, never one counted twice). Disjoint presences are one visit split by the
     * hand-over: their reads add up. Either way the result spans both, starts at the earlier first read
     * (so its passage id is the one a single owner gives) and closes on the clock of the later last read.
     */
    void absorb(Presence other) {
        boolean shareReads = other.firstSeen == firstSeen || other.firstSeen <= lastSeen && firstSeen <= other.lastSeen;
        int combined = shareReads ? Math.max(reads, other.reads) : reads + other.reads;
        Presence earlier = other.firstSeen < firstSeen ? other : this;
        Presence later = earlier == this ? other : this;
        ResolvedAntenna[] earlierTrail = Arrays.copyOf(earlier.trail, earlier.trailSize);
        ResolvedAntenna[] laterTrail = Arrays.copyOf(later.trail, later.trailSize);
        String[] tids = {earlier.tid, earlier.otherTid, later.tid, later.otherTid};
        if (other.firstSeen < firstSeen) {
            firstSeen = other.firstSeen;
            first = other.first;
        }
        if (other.lastSeen > lastSeen) {
            lastSeen = other.lastSeen;
            last = other.last;
            clock = other.clock;
        }
        if (other.peakRssiCdbm != TagRead.NO_RSSI && (peakRssiCdbm == TagRead.NO_RSSI || other.peakRssiCdbm > peakRssiCdbm)) {
            peakRssiCdbm = other.peakRssiCdbm;
            strongest = other.strongest;
        }
        reads = combined;
        trailSize = 0;
        for (ResolvedAntenna at : earlierTrail) {
            saw(at);
        }
        for (ResolvedAntenna at : laterTrail) {
            saw(at);
        }
        tid = null;
        otherTid = null;
        for (String t : tids) {
            sawTid(t);
        }
    }

    /** The completed passage, with its deterministic id. */
    Passage toPassage(String locationId, String tagUri) {
        List<String> labels = new ArrayList<>(trailSize);
        for (int i = 0; i < trailSize; i++) {
            labels.add(trail[i].label);
        }
        return new Passage(
                PassageId.of(epc, locationId, firstSeen),
                epc,
                tagUri,
                locationId,
                first.readPoint.readerId(),
                first.readPoint.antenna(),
                Instants.ofMicros(firstSeen),
                Instants.ofMicros(lastSeen),
                reads,
                peakRssiCdbm == TagRead.NO_RSSI ? Double.NaN : peakRssiCdbm / 100.0,
                Directions.of(first, last),
                strongest.readPoint.lane(),
                labels,
                tid,
                otherTid);
    }

    /** As plain values for a {@link LocationSnapshot}. */
    LocationSnapshot.PresenceState toState() {
        List<LocationSnapshot.At> ats = new ArrayList<>(trailSize);
        for (int i = 0; i < trailSize; i++) {
            ats.add(trail[i].at());
        }
        return new LocationSnapshot.PresenceState(epc, clock.readerId, firstSeen, lastSeen, reads, peakRssiCdbm, first.at(), last.at(),
                strongest.at(), ats, tid, otherTid);
    }
}
