package org.openrfid.trace.passage;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.reader.TagRead;

/**
 * Turns the stream of reads into presences and completed passages, on reader time (event time).
 *
 * <p>One presence per (tag, location). A read more than the location's silence window after the
 * presence's last read closes it and opens a new one. Presences also close when the location's
 * watermark passes last read + silence; the watermark is the newest reader time seen at the
 * location, moved on by wall-clock time while the location is quiet, so a tag that leaves the last
 * busy minute of the day still becomes a passage.
 *
 * <p>Not thread-safe: one smoother is driven by one thread (the owner of its locations).
 */
public final class PassageSmoother {

    private final SmoothingPolicy policy;
    private final ReadPointDirectory readPoints;
    private final Function<RawEpc, String> tagUris;
    private final Map<PresenceKey, Presence> open = new HashMap<>();
    private final Map<String, LocationClock> clocks = new HashMap<>();
    private long unmappedReads;
    private long lateReads;

    /**
     * @param tagUris resolves the EPC tag URI for a completed passage, or returns null
     */
    public PassageSmoother(SmoothingPolicy policy, ReadPointDirectory readPoints, Function<RawEpc, String> tagUris) {
        this.policy = policy;
        this.readPoints = readPoints;
        this.tagUris = tagUris;
    }

    private record PresenceKey(RawEpc epc, String locationId) {
    }

    private static final class LocationClock {
        long eventWatermark = Long.MIN_VALUE;
        long wallAtLastRead;
    }

    private static final class Presence {
        final RawEpc epc;
        final ReadPoint firstReadPoint;
        long firstSeen;
        long lastSeen;
        int reads;
        int peakRssiCdbm = TagRead.NO_RSSI;

        Presence(RawEpc epc, ReadPoint firstReadPoint, long firstSeen) {
            this.epc = epc;
            this.firstReadPoint = firstReadPoint;
            this.firstSeen = firstSeen;
            this.lastSeen = firstSeen;
        }
    }

    /** Applies one read. Reads whose (reader, antenna) has no read point are counted and dropped. */
    public void accept(TagRead read, long nowWallMicros, PresenceListener listener) {
        ReadPoint readPoint = readPoints.find(read.readerId(), read.antenna()).orElse(null);
        if (readPoint == null) {
            unmappedReads++;
            return;
        }
        String location = readPoint.locationId();
        long seen = read.lastSeenMicros() != 0 ? read.lastSeenMicros() : read.firstSeenMicros();
        long first = read.firstSeenMicros() != 0 ? read.firstSeenMicros() : seen;
        long silence = policy.silenceMicros(location);

        LocationClock clock = clocks.computeIfAbsent(location, l -> new LocationClock());
        if (seen > clock.eventWatermark) {
            clock.eventWatermark = seen;
        }
        clock.wallAtLastRead = nowWallMicros;

        PresenceKey key = new PresenceKey(read.epc(), location);
        Presence presence = open.get(key);
        if (presence != null && first - presence.lastSeen > silence) {
            open.remove(key);
            listener.completed(toPassage(presence));
            presence = null;
        }
        if (presence == null) {
            presence = new Presence(read.epc(), readPoint, first);
            open.put(key, presence);
            listener.arrived(read.epc(), location, read.readerId(), Instants.ofMicros(first));
        } else if (first < presence.firstSeen) {
            // A read placed before the presence started: within the window it belongs to it.
            if (presence.firstSeen - seen > silence) {
                lateReads++;
                return;
            }
            presence.firstSeen = first;
        }
        presence.lastSeen = Math.max(presence.lastSeen, seen);
        presence.reads += Math.max(1, read.seenCount());
        if (read.hasRssi() && (presence.peakRssiCdbm == TagRead.NO_RSSI || read.peakRssiCdbm() > presence.peakRssiCdbm)) {
            presence.peakRssiCdbm = read.peakRssiCdbm();
        }
    }

    /** Closes every presence whose location's watermark has passed its last read + silence. */
    public void advance(long nowWallMicros, PresenceListener listener) {
        Iterator<Map.Entry<PresenceKey, Presence>> it = open.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<PresenceKey, Presence> entry = it.next();
            String location = entry.getKey().locationId();
            LocationClock clock = clocks.get(location);
            long watermark = clock.eventWatermark + Math.max(0, nowWallMicros - clock.wallAtLastRead);
            Presence presence = entry.getValue();
            if (watermark - presence.lastSeen > policy.silenceMicros(location)) {
                it.remove();
                listener.completed(toPassage(presence));
            }
        }
    }

    /** Closes every open presence, e.g. on shutdown or for a finite replay. */
    public void flush(PresenceListener listener) {
        open.values().forEach(p -> listener.completed(toPassage(p)));
        open.clear();
    }

    public int openPresences() {
        return open.size();
    }

    public long unmappedReads() {
        return unmappedReads;
    }

    public long lateReads() {
        return lateReads;
    }

    private Passage toPassage(Presence p) {
        String location = p.firstReadPoint.locationId();
        return new Passage(
                PassageId.of(p.epc, location, p.firstSeen),
                p.epc,
                tagUris.apply(p.epc),
                location,
                p.firstReadPoint.readerId(),
                p.firstReadPoint.antenna(),
                Instants.ofMicros(p.firstSeen),
                Instants.ofMicros(p.lastSeen),
                p.reads,
                p.peakRssiCdbm == TagRead.NO_RSSI ? Double.NaN : p.peakRssiCdbm / 100.0,
                p.firstReadPoint.direction());
    }
}
