package org.openrfid.trace.sampledata.generator;

import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * {@link PassageRule} for a stream: reads arrive in offset order and passages leave in the ground
 * truth's order (first seen, EPC, location), holding only presences that may still grow and closed
 * passages that an open one could still precede. The ground truth of a scenario is what this makes of
 * the reads as played, so an outage's replay is accounted for exactly as a pipeline would see it.
 */
public final class PassageTracker {
    private record Key(String epc, String location) {
    }

    private static final class Open {
        final String epc;
        final String location;
        final long first;
        long last;
        int reads;
        int peak = Integer.MIN_VALUE;

        Open(String epc, String location, long first) {
            this.epc = epc;
            this.location = location;
            this.first = first;
        }

        PassageSummary summary() {
            return new PassageSummary(epc, location, first, last, reads, peak);
        }
    }

    private static final Comparator<Open> BY_FIRST = Comparator.comparingLong((Open o) -> o.first)
            .thenComparing(o -> o.epc).thenComparing(o -> o.location);

    private final Map<String, String> readerLocation;
    private final Consumer<PassageSummary> out;
    /** Insertion order is last-read order because every read re-inserts its presence: the head is the stalest. */
    private final LinkedHashMap<Key, Open> open = new LinkedHashMap<>();
    private final TreeSet<Open> openByFirst = new TreeSet<>(BY_FIRST);
    private final PriorityQueue<PassageSummary> closed = new PriorityQueue<>(PassageRule.ORDER);
    private long now = Long.MIN_VALUE;
    private int maxHeld;

    /** @param readerLocation reader id to location id (every antenna of a reader is one location) */
    public PassageTracker(Map<String, String> readerLocation, Consumer<PassageSummary> out) {
        this.readerLocation = readerLocation;
        this.out = out;
    }

    public void accept(Read read) {
        if (read.offsetMs() < now) {
            throw new IllegalArgumentException("reads must come in offset order: " + read.offsetMs() + " after " + now);
        }
        now = read.offsetMs();
        String location = readerLocation.get(read.reader());
        if (location == null) {
            throw new IllegalArgumentException("reader not in read-points.csv: " + read.reader());
        }
        closeSilentBefore(now - PassageRule.SILENCE_MS);
        Key key = new Key(read.epc(), location);
        Open presence = open.remove(key);
        if (presence == null) {
            presence = new Open(read.epc(), location, now);
            openByFirst.add(presence);
        }
        presence.last = now;
        presence.reads++;
        presence.peak = Math.max(presence.peak, read.rssiTenths());
        open.put(key, presence);
        release();
        maxHeld = Math.max(maxHeld, open.size() + closed.size());
    }

    /** Closes everything still open and hands out the rest. */
    public void finish() {
        closeSilentBefore(Long.MAX_VALUE);
        while (!closed.isEmpty()) {
            out.accept(closed.poll());
        }
    }

    /** Most presences and passages held at once, for tests of the memory bound. */
    public int maxHeld() {
        return maxHeld;
    }

    private void closeSilentBefore(long limit) {
        Iterator<Open> stalest = open.values().iterator();
        while (stalest.hasNext()) {
            Open o = stalest.next();
            if (o.last >= limit) {
                return;
            }
            stalest.remove();
            openByFirst.remove(o);
            closed.add(o.summary());
        }
    }

    /** A closed passage is final once no open presence and no later read can sort before it. */
    private void release() {
        long horizon = openByFirst.isEmpty() ? now : Math.min(now, openByFirst.first().first);
        while (!closed.isEmpty() && closed.peek().firstSeenMs() < horizon) {
            out.accept(closed.poll());
        }
    }
}
