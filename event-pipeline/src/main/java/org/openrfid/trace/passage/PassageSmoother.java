package org.openrfid.trace.passage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.reader.TagRead;

/**
 * Turns the stream of reads into presences and completed passages, on reader time (event time).
 *
 * <p>One presence per (tag, location). A read more than the location's silence window after the
 * presence's last read closes it and opens a new one.
 *
 * <p>Every reader has its own watermark: the newest reader time it reported. Reads more than the
 * allowed lateness behind it are counted as late and not merged; the others are placed by their own
 * timestamps, so a reader that replays minutes of buffered reads after an outage (in its own order)
 * yields the passages it would have yielded live. A presence closes when the watermark of the reader
 * that last saw it, less the allowed lateness, has passed its last read + silence; while a reader is
 * quiet its watermark moves on with wall-clock time, so a tag that leaves the last busy minute of the
 * day still becomes a passage. Only elapsed wall time counts, never the wall clock itself, so a reader
 * whose clock is off still closes presences on time.
 *
 * <p>Reader clocks are trusted only so far ({@link ReaderClockPolicy}). A read whose reader time is too far
 * ahead of or behind its receive time is counted, handed to the listener as {@link OutOfBoundsRead} and
 * kept out of the watermark, so one read dated 2099 cannot make every later read of its reader late.
 *
 * <p>A reader whose clock steps back (an NTP correction, a clock set by hand) would otherwise have its
 * reads late until its clock caught up with its old watermark, an hour for an hour's step. A read further
 * behind the watermark than the step-back threshold is therefore held, and when the reader's next read is
 * far behind too (and near the held one: both on the new clock) the step is taken as real and the reader
 * is <em>re-based</em>: the presences it was the last to see are completed as they are (their reads are
 * all on the old clock, so their times stay consistent), its watermark starts afresh, and the held read and
 * the new one are applied. A next read back on the old clock shows the held read was a stray; it is
 * counted late, as before. Re-basing was chosen over tracking each reader's offset to receive time and
 * correcting reader times by it: receive time cannot tell a clock step from a replay of buffered reads
 * (both arrive long after their reader time), a corrected time would move every later passage of the
 * reader away from what it reported, and the offset would have to be snapshotted and agreed between
 * cluster members. Re-basing needs nothing beyond the watermark and costs one held read of delay at a
 * step; what it gives up is a presence open across the step, which becomes two passages, one on each
 * clock, each with its own reads (none lost, none counted twice).
 *
 * <p>Direction: when the read points of a location are configured as entry and exit antennas, a tag
 * first seen on an entry and last seen on an exit travelled the location's way (IN unless the entry
 * read point says otherwise), the reverse order the opposite way; without roles the first read point's
 * configured direction is kept. The lane is that of the read point where the tag was strongest.
 *
 * <p>TID: the passage keeps the first TID (chip serial) a merged read carried and the first one that
 * differed from it. A genuine tag has one TID for life, so two within one presence mean two chips answer
 * with the same EPC (a cloned EPC); later TIDs are not kept, one conflict is the evidence.
 *
 * <p>Per read the work is a few hash lookups and field updates: read points are resolved once per
 * (reader, antenna) and cached until the directory changes, and presences are keyed by EPC inside
 * their location's map, so no key object is made per read. The state is plain values (times, counts,
 * ids), so it can be snapshotted as it is.
 *
 * <p>Not thread-safe: one smoother is driven by one thread (the owner of its locations).
 */
public final class PassageSmoother {

    private static final int CACHED_ANTENNAS = 256;

    private final SmoothingPolicy policy;
    private final ReadPointDirectory readPoints;
    private final Function<RawEpc, String> tagUris;
    private final long lateness;
    private final long maxAhead;
    private final long maxBehind;
    private final long stepBack;
    private final Map<String, ReaderClock> readers = new HashMap<>();
    private final Map<String, LocationPresences> locations = new HashMap<>();
    private ReaderClock lastReader;
    private long kindsVersion;
    private int open;
    private long unmappedReads;
    private long lateReads;
    private long duplicateReads;
    private long acceptedReads;
    private long readsAhead;
    private long readsBehind;
    private long clockSteps;
    private String lastSteppedReader;
    private long lastReadMicros = Long.MIN_VALUE;

    /**
     * @param tagUris resolves the EPC tag URI for a completed passage, or returns null
     */
    public PassageSmoother(SmoothingPolicy policy, ReadPointDirectory readPoints, Function<RawEpc, String> tagUris) {
        this.policy = policy;
        this.readPoints = readPoints;
        this.tagUris = tagUris;
        this.lateness = policy.allowedLatenessMicros();
        this.maxAhead = policy.readerClock().maxAheadMicros();
        this.maxBehind = policy.readerClock().maxBehindMicros();
        this.stepBack = Math.max(lateness, policy.readerClock().stepBackMicros());
    }

    /**
     * Applies one read. Reads whose (reader, antenna) has no read point are counted and dropped; reads
     * outside the reader clock bounds are counted and handed to {@link PresenceListener#outOfBounds}.
     */
    public void accept(TagRead read, long nowWallMicros, PresenceListener listener) {
        ReaderClock reader = reader(read.readerId());
        ResolvedAntenna at = resolve(reader, read.antenna());
        if (at.readPoint == null) {
            unmappedReads++;
            return;
        }
        long seen = read.lastSeenMicros() != 0 ? read.lastSeenMicros() : read.firstSeenMicros();
        long first = read.firstSeenMicros() != 0 ? read.firstSeenMicros() : seen;
        if (outOfBounds(read, first, seen, read.receivedAtMicros() != 0 ? read.receivedAtMicros() : nowWallMicros, listener)) {
            return;
        }
        if (reader.watermark != Long.MIN_VALUE && seen < reader.watermark - lateness) {
            if (reader.watermark - seen <= stepBack) {
                lateReads++;
            } else {
                steppedBack(reader, read, seen, nowWallMicros, listener);
            }
            return;
        }
        if (reader.heldStep != null) {
            reader.heldStep = null; // this read is on the old clock: the held one was a stray, late like any other
            lateReads++;
        }
        if (seen > reader.watermark) {
            reader.watermark = seen;
        }
        reader.wallAtLastRead = nowWallMicros;

        LocationPresences location = at.location;
        RawEpc epc = read.epc();
        Presence presence = location.open.get(epc);
        if (presence != null && first - presence.lastSeen > location.silence) {
            location.open.remove(epc);
            open--;
            listener.completed(toPassage(presence, location));
            presence = null;
        }
        if (presence == null) {
            presence = new Presence(epc, reader, first, at);
            location.open.put(epc, presence);
            open++;
            listener.arrived(epc, location.locationId, read.readerId(), Instants.ofMicros(first));
        } else if (presence.repeats(at, first, seen, read.seenCount(), read.peakRssiCdbm())) {
            // The same read once more, e.g. a payload replayed from the ingest journal and then redelivered by
            // the MQTT broker: counted once. Only the presence's last read is compared (no per-read state).
            duplicateReads++;
            return;
        } else if (first < presence.firstSeen) {
            // Out of order but within the lateness: it belongs to this presence unless a whole silence
            // lies between, in which case it belonged to an earlier passage that is already out.
            if (presence.firstSeen - seen > location.silence) {
                lateReads++;
                return;
            }
            presence.firstSeen = first;
            presence.first = at;
        }
        if (seen >= presence.lastSeen) {
            presence.lastSeen = seen;
            presence.last = at;
            presence.clock = reader;
        }
        presence.reads += Math.max(1, read.seenCount());
        presence.lastRead(at, first, seen, read.seenCount(), read.peakRssiCdbm());
        if (read.hasRssi() && (presence.peakRssiCdbm == TagRead.NO_RSSI || read.peakRssiCdbm() > presence.peakRssiCdbm)) {
            presence.peakRssiCdbm = read.peakRssiCdbm();
            presence.strongest = at;
        }
        presence.saw(at);
        presence.sawTid(read.tidHex());
        acceptedReads++;
        lastReadMicros = seen;
    }

    /**
     * Counts and hands on a read whose reader time is more than the bound ahead of or behind its receive
     * time; such a read must not reach the watermark.
     */
    private boolean outOfBounds(TagRead read, long first, long seen, long received, PresenceListener listener) {
        long newest = Math.max(first, seen);
        long oldest = Math.min(first, seen);
        ReaderClockPolicy bounds = policy.readerClock();
        if (newest > received && newest - received > maxAhead) {
            readsAhead++;
            listener.outOfBounds(new OutOfBoundsRead(read, OutOfBoundsRead.Side.AHEAD, newest, received, bounds.maxAhead()));
            return true;
        }
        if (oldest < received && received - oldest > maxBehind) {
            readsBehind++;
            listener.outOfBounds(new OutOfBoundsRead(read, OutOfBoundsRead.Side.BEHIND, oldest, received, bounds.maxBehind()));
            return true;
        }
        return false;
    }

    /**
     * A read further behind its reader's watermark than the step-back threshold: held when it is the first,
     * else (a second such read, near the held one) the reader's clock has stepped back: the presences it
     * last saw complete, its watermark starts afresh and both reads are applied on the new clock.
     */
    private void steppedBack(ReaderClock reader, TagRead read, long seen, long nowWallMicros, PresenceListener listener) {
        TagRead held = reader.heldStep;
        if (held == null || Math.abs(seen - seenOf(held)) > stepBack) {
            if (held != null) {
                lateReads++; // two far-behind reads that disagree: the older one counts as late, the newer waits
            }
            reader.heldStep = read;
            reader.heldStepWall = nowWallMicros;
            return;
        }
        reader.heldStep = null;
        clockSteps++;
        lastSteppedReader = reader.readerId;
        completePresencesLastSeenBy(reader, listener);
        reader.watermark = Long.MIN_VALUE;
        accept(held, reader.heldStepWall, listener);
        accept(read, nowWallMicros, listener);
    }

    private static long seenOf(TagRead read) {
        return read.lastSeenMicros() != 0 ? read.lastSeenMicros() : read.firstSeenMicros();
    }

    private void completePresencesLastSeenBy(ReaderClock reader, PresenceListener listener) {
        for (LocationPresences location : locations.values()) {
            Iterator<Presence> it = location.open.values().iterator();
            while (it.hasNext()) {
                Presence presence = it.next();
                if (presence.clock == reader) {
                    it.remove();
                    open--;
                    listener.completed(toPassage(presence, location));
                }
            }
        }
    }

    /** Closes every presence whose reader's watermark, less the lateness, has passed its last read + silence. */
    public void advance(long nowWallMicros, PresenceListener listener) {
        if (open == 0) {
            return;
        }
        for (ReaderClock reader : readers.values()) {
            reader.advanceTo(nowWallMicros, lateness);
        }
        for (LocationPresences location : locations.values()) {
            if (location.open.isEmpty()) {
                continue;
            }
            Iterator<Presence> it = location.open.values().iterator();
            while (it.hasNext()) {
                Presence presence = it.next();
                if (presence.clock.closeBefore - presence.lastSeen > location.silence) {
                    it.remove();
                    open--;
                    listener.completed(toPassage(presence, location));
                }
            }
        }
    }

    /**
     * Starts every reader's quiet time afresh at {@code fromWallMicros}: the pipeline knows that reads are
     * held up on their way here (the cluster's read log is stalled), so silence on the wall clock says
     * nothing about the tags. Watermarks stay where the reads put them.
     */
    public void holdQuietTime(long fromWallMicros) {
        for (ReaderClock reader : readers.values()) {
            if (reader.wallAtLastRead < fromWallMicros) {
                reader.wallAtLastRead = fromWallMicros;
            }
        }
    }

    /**
     * Closes every open presence, e.g. on shutdown or for a finite replay. A read still held to confirm a
     * step back is counted late (nothing confirmed it).
     */
    public void flush(PresenceListener listener) {
        for (ReaderClock reader : readers.values()) {
            if (reader.heldStep != null) {
                reader.heldStep = null;
                lateReads++;
            }
        }
        for (LocationPresences location : locations.values()) {
            for (Presence presence : location.open.values()) {
                listener.completed(toPassage(presence, location));
            }
            location.open.clear();
        }
        open = 0;
    }

    /** Closes the open presences of one location into passages now (its state cannot move to another owner). */
    public void flushLocation(String locationId, PresenceListener listener) {
        LocationPresences location = locations.get(locationId);
        if (location == null) {
            return;
        }
        for (Presence presence : location.open.values()) {
            listener.completed(toPassage(presence, location));
        }
        open -= location.open.size();
        location.open.clear();
    }

    /**
     * The open presences of one location and the watermarks of their readers, as plain values, for a
     * snapshot another owner can {@link #importLocation import}. The state stays here.
     *
     * @param sequence stored in the snapshot as it is (the caller's position in the location's input)
     */
    public LocationSnapshot exportLocation(String locationId, long sequence) {
        LocationPresences location = locations.get(locationId);
        if (location == null || location.open.isEmpty()) {
            return new LocationSnapshot(locationId, sequence, Map.of(), List.of());
        }
        Map<String, Long> watermarks = new HashMap<>();
        List<LocationSnapshot.PresenceState> presences = new ArrayList<>(location.open.size());
        for (Presence p : location.open.values()) {
            watermarks.put(p.clock.readerId, p.clock.watermark);
            presences.add(p.toState());
        }
        return new LocationSnapshot(locationId, sequence, watermarks, presences);
    }

    /**
     * Replaces the open presences of the snapshot's location with the snapshot's (nothing is emitted for
     * presences dropped that way) and raises the readers' watermarks to the snapshot's. Read points are
     * resolved again through the directory; a presence whose read points are gone is dropped and
     * counted in the return value.
     *
     * @param nowWallMicros wall time from which a restored reader's quiet time counts; a caller that is
     *                      still catching up on the reads the previous owner had not snapshotted passes a
     *                      time a little ahead, so the hand-over gap does not close presences early (a
     *                      read from the reader resets it to the read's wall time)
     * @return presences that could not be restored
     */
    public int importLocation(LocationSnapshot snapshot, long nowWallMicros) {
        dropLocation(snapshot.locationId());
        snapshot.watermarks().forEach((readerId, mark) -> {
            ReaderClock reader = reader(readerId);
            if (mark > reader.watermark) {
                reader.watermark = mark;
            }
            reader.wallAtLastRead = nowWallMicros;
        });
        int dropped = 0;
        for (LocationSnapshot.PresenceState s : snapshot.presences()) {
            Presence p = restore(s, snapshot.locationId(), nowWallMicros);
            if (p == null) {
                dropped++;
            } else if (p.first.location.open.put(s.epc(), p) == null) {
                open++;
            }
        }
        return dropped;
    }

    /**
     * Adds the snapshot's open presences to this smoother's state for the location, keeping what is open
     * here: a presence of a tag already open is {@linkplain Presence#absorb merged} into it, so the tag's
     * visit stays one passage. For the presences a member hands over when it merges into another cluster
     * after a network split; the readers' watermarks only move forward, as in {@link #importLocation}.
     *
     * @return presences that could not be restored (their read points are gone)
     */
    public int adoptPresences(LocationSnapshot snapshot, long nowWallMicros) {
        snapshot.watermarks().forEach((readerId, mark) -> {
            ReaderClock reader = reader(readerId);
            if (mark > reader.watermark) {
                reader.watermark = mark;
            }
            reader.wallAtLastRead = Math.max(reader.wallAtLastRead, nowWallMicros);
        });
        int dropped = 0;
        for (LocationSnapshot.PresenceState s : snapshot.presences()) {
            Presence p = restore(s, snapshot.locationId(), nowWallMicros);
            if (p == null) {
                dropped++;
                continue;
            }
            Presence here = p.first.location.open.get(s.epc());
            if (here == null) {
                p.first.location.open.put(s.epc(), p);
                open++;
            } else {
                here.absorb(p);
            }
        }
        return dropped;
    }

    /** A snapshot's presence with its read points resolved again here; null when they are gone. */
    private Presence restore(LocationSnapshot.PresenceState s, String locationId, long nowWallMicros) {
        ResolvedAntenna first = resolve(s.first());
        ResolvedAntenna last = resolve(s.last());
        ResolvedAntenna strongest = resolve(s.strongest());
        if (first.readPoint == null || last.readPoint == null || strongest.readPoint == null
                || !first.location.locationId.equals(locationId)) {
            return null;
        }
        ReaderClock clock = reader(s.clockReaderId());
        if (clock.watermark == Long.MIN_VALUE) {
            clock.wallAtLastRead = nowWallMicros;
        }
        Presence p = Presence.restored(s, clock, first, last, strongest);
        for (LocationSnapshot.At at : s.trail()) {
            ResolvedAntenna r = resolve(at);
            if (r.readPoint != null) {
                p.saw(r);
            }
        }
        return p;
    }

    /** Forgets the open presences of a location without emitting them (its state moved to another owner). */
    public void dropLocation(String locationId) {
        LocationPresences location = locations.get(locationId);
        if (location != null) {
            open -= location.open.size();
            location.open.clear();
        }
    }

    private ResolvedAntenna resolve(LocationSnapshot.At at) {
        return resolve(reader(at.readerId()), at.antenna());
    }

    public int openPresences() {
        return open;
    }

    /** Open presences per location, for metrics (cheap: one entry per location, not per tag). */
    public Map<String, Integer> openPresencesByLocation() {
        Map<String, Integer> counts = new HashMap<>();
        locations.values().forEach(l -> counts.put(l.locationId, l.open.size()));
        return counts;
    }

    public long unmappedReads() {
        return unmappedReads;
    }

    public long lateReads() {
        return lateReads;
    }

    /** Reads dropped as the presence's last read once more (a replayed and redelivered payload). */
    public long duplicateReads() {
        return duplicateReads;
    }

    public long acceptedReads() {
        return acceptedReads;
    }

    /** Reads refused for reader time too far ahead of their receive time. */
    public long readsAhead() {
        return readsAhead;
    }

    /** Reads refused for reader time too far behind their receive time. */
    public long readsBehind() {
        return readsBehind;
    }

    /** Times a reader's clock was found to have stepped back and the reader was re-based. */
    public long clockSteps() {
        return clockSteps;
    }

    /** The reader whose clock stepped back last, or null before any did. */
    public String lastSteppedReader() {
        return lastSteppedReader;
    }

    /** Reader time of the last read merged, or {@link Long#MIN_VALUE} before the first. */
    public long lastReadMicros() {
        return lastReadMicros;
    }

    /** Reader ids with their watermark (newest reader time seen), for inspection and snapshots. */
    public Map<String, Long> readerWatermarks() {
        Map<String, Long> marks = new HashMap<>();
        readers.values().forEach(r -> marks.put(r.readerId, r.watermark));
        return marks;
    }

    private ReaderClock reader(String readerId) {
        ReaderClock reader = lastReader;
        // A batch holds one reader's reads: the identity check saves the hash lookup for nearly all.
        if (reader != null && (reader.readerId == readerId || reader.readerId.equals(readerId))) {
            return reader;
        }
        reader = readers.computeIfAbsent(readerId, ReaderClock::new);
        lastReader = reader;
        return reader;
    }

    private ResolvedAntenna resolve(ReaderClock reader, int antenna) {
        int version = readPoints.version();
        if (reader.directoryVersion != version) {
            Arrays.fill(reader.antennas, null);
            reader.directoryVersion = version;
        }
        long kinds = policy.registryKinds().version();
        if (kinds != kindsVersion) {
            kindsVersion = kinds;
            locations.values().forEach(l -> l.silence = policy.silenceMicros(l.locationId));
        }
        if (antenna < 0 || antenna >= CACHED_ANTENNAS) {
            return lookUp(reader.readerId, antenna);
        }
        if (antenna >= reader.antennas.length) {
            reader.antennas = Arrays.copyOf(reader.antennas, Math.min(CACHED_ANTENNAS, Math.max(antenna + 1, reader.antennas.length * 2)));
        }
        ResolvedAntenna resolved = reader.antennas[antenna];
        if (resolved == null) {
            resolved = lookUp(reader.readerId, antenna);
            reader.antennas[antenna] = resolved;
        }
        return resolved;
    }

    private ResolvedAntenna lookUp(String readerId, int antenna) {
        ReadPoint readPoint = readPoints.find(readerId, antenna).orElse(null);
        if (readPoint == null) {
            return ResolvedAntenna.none(readerId, antenna);
        }
        LocationPresences location = locations.computeIfAbsent(readPoint.locationId(),
                id -> new LocationPresences(id, policy.silenceMicros(id)));
        // The label names the antenna that read, also when a whole-reader read point (antenna 0) matched.
        return new ResolvedAntenna(readPoint, location, policy.roleOf(readPoint), readerId + "/" + antenna, readerId, antenna);
    }

    private Passage toPassage(Presence p, LocationPresences location) {
        return p.toPassage(location.locationId, tagUris.apply(p.epc));
    }
}
