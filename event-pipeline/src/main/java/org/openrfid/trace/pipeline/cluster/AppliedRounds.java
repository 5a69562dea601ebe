package org.openrfid.trace.pipeline.cluster;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;

/**
 * Which ingest rounds of which ingress have been applied to one location, so that a chunk the read log
 * holds twice is applied once. Hazelcast retries an append whose answer was lost when a member leaves
 * (a death, a network split): if the first try had reached the partition and its backup, the log then
 * holds the same chunk twice, and applying both would count every read of it twice.
 *
 * <p>Each ingress ({@link IngestForwarding}) numbers its rounds and finishes one round's appends before
 * the next, so a location's log holds one ingress's rounds in increasing order, with a retried copy
 * close behind its original. A sliding window per ingress (the newest round and a bit for each of the
 * {@value #WINDOW} before it, as in IPsec's replay check) tells a copy from a round not seen yet, even
 * one that lands late. Kept for at most {@value #MAX_SOURCES} ingresses (members come and go; the one
 * not heard from longest is forgotten). Travels with the location's snapshot, so a new owner that takes
 * the location between the two copies still skips the second. Smoother thread only.
 */
final class AppliedRounds {

    static final int WINDOW = 64;
    static final int MAX_SOURCES = 64;
    private static final byte FORMAT = 1;

    private static final class Window {
        long newest;
        /** Bit i: round {@code newest - i} was applied. */
        long seen;
        long touched;

        Window(long newest, long seen, long touched) {
            this.newest = newest;
            this.seen = seen;
            this.touched = touched;
        }
    }

    private final Map<UUID, Window> bySource = new HashMap<>();
    private long clock;

    /**
     * Records the round and says whether it is new here; false for a copy of a round already applied.
     * A round older than the window cannot be told from a copy and counts as new (a duplicate is then
     * possible; losing reads is not).
     */
    boolean firstTime(UUID source, long round) {
        clock++;
        Window w = bySource.get(source);
        if (w == null) {
            if (bySource.size() >= MAX_SOURCES) {
                forgetOldest();
            }
            bySource.put(source, new Window(round, 1, clock));
            return true;
        }
        w.touched = clock;
        if (round > w.newest) {
            long shift = round - w.newest;
            w.seen = shift >= WINDOW ? 1 : (w.seen << shift) | 1;
            w.newest = round;
            return true;
        }
        long age = w.newest - round;
        if (age >= WINDOW) {
            return true;
        }
        long bit = 1L << age;
        if ((w.seen & bit) != 0) {
            return false;
        }
        w.seen |= bit;
        return true;
    }

    private void forgetOldest() {
        Iterator<Map.Entry<UUID, Window>> it = bySource.entrySet().iterator();
        Map.Entry<UUID, Window> oldest = null;
        while (it.hasNext()) {
            Map.Entry<UUID, Window> e = it.next();
            if (oldest == null || e.getValue().touched < oldest.getValue().touched) {
                oldest = e;
            }
        }
        if (oldest != null) {
            bySource.remove(oldest.getKey());
        }
    }

    int sources() {
        return bySource.size();
    }

    byte[] toBytes() {
        ByteBuffer out = ByteBuffer.allocate(1 + 4 + bySource.size() * 40);
        out.put(FORMAT).putInt(bySource.size());
        // the order of last use survives the trip, so the new owner forgets the same source first
        bySource.entrySet().stream().sorted(Map.Entry.comparingByValue((a, b) -> Long.compare(a.touched, b.touched))).forEach(e -> {
            out.putLong(e.getKey().getMostSignificantBits()).putLong(e.getKey().getLeastSignificantBits());
            out.putLong(e.getValue().newest).putLong(e.getValue().seen).putLong(e.getValue().touched);
        });
        return out.array();
    }

    static AppliedRounds fromBytes(byte[] data) {
        ByteBuffer in = ByteBuffer.wrap(data);
        if (in.get() != FORMAT) {
            throw new IllegalArgumentException("unknown applied-rounds format " + data[0]);
        }
        AppliedRounds rounds = new AppliedRounds();
        int n = in.getInt();
        for (int i = 0; i < n; i++) {
            UUID source = new UUID(in.getLong(), in.getLong());
            Window w = new Window(in.getLong(), in.getLong(), in.getLong());
            rounds.bySource.put(source, w);
            rounds.clock = Math.max(rounds.clock, w.touched);
        }
        return rounds;
    }

    AppliedRounds copy() {
        return fromBytes(toBytes());
    }
}
