package org.openrfid.trace.service.alert.rules.plate;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import org.openrfid.trace.service.anpr.PlateRead;
import org.openrfid.trace.service.passage.EnrichedPassage;

/**
 * What a plate rule holds: the recent passages and camera reads per location, and the camera reads
 * waiting for their decision. Bounded in time ({@link PlateRuleParams#keep()}, trimmed on each tick by
 * the engine's clock) and in size ({@link PlateRuleParams#maxHeld()} held reads; as many passages and
 * reads per location). Not thread-safe: the engine calls a rule from one thread.
 */
final class Pairing {

    private record Held(PlateRead read, Instant due) {
    }

    private final PlateRuleParams params;
    private final Map<String, ArrayDeque<EnrichedPassage>> passages = new HashMap<>();
    private final Map<String, ArrayDeque<PlateRead>> reads = new HashMap<>();
    private final Map<String, Instant> lastPassage = new HashMap<>();
    /** Location names as the passages' enrichment gave them, so alerts name the place, not its id (one entry per location). */
    private final Map<String, String> placeNames = new HashMap<>();
    private final PriorityQueue<Held> held = new PriorityQueue<>(Comparator.comparing(Held::due));

    Pairing(PlateRuleParams params) {
        this.params = params;
    }

    /** Whether the read is confident enough to be used (a camera that says nothing is believed). */
    boolean confident(PlateRead r) {
        return Double.isNaN(r.confidence()) || r.confidence() >= params.minConfidence();
    }

    /** The location's name when a passage there has said it, else its id. */
    String placeName(String location) {
        return placeNames.getOrDefault(location, location);
    }

    void addPassage(EnrichedPassage p) {
        if (p.location() != null && p.location().name() != null && placeNames.size() < 100_000) {
            placeNames.put(p.passage().locationId(), p.location().name());
        }
        String at = p.passage().locationId();
        ArrayDeque<EnrichedPassage> q = passages.computeIfAbsent(at, k -> new ArrayDeque<>());
        q.addLast(p);
        if (q.size() > params.maxHeld()) {
            q.removeFirst();
        }
        lastPassage.merge(at, p.passage().lastSeen(), (a, b) -> a.isAfter(b) ? a : b);
        if (lastPassage.size() > 100_000) {
            lastPassage.clear(); // more locations than any network has: start over rather than grow
        }
    }

    /**
     * Holds a confident read until its decision is due (its time, or its arrival when later, plus the window
     * and the settle time).
     *
     * @return a read to decide now because too many are held (the one due first), or null
     */
    PlateRead hold(PlateRead r) {
        ArrayDeque<PlateRead> q = reads.computeIfAbsent(r.locationId(), k -> new ArrayDeque<>());
        q.addLast(r);
        if (q.size() > params.maxHeld()) {
            q.removeFirst();
        }
        Instant base = r.receivedAt() != null && r.receivedAt().isAfter(r.timestamp()) ? r.receivedAt() : r.timestamp();
        held.add(new Held(r, base.plus(params.hold())));
        return held.size() > params.maxHeld() ? held.poll().read() : null;
    }

    /** The held reads due at {@code now}, in due order; forgets what is too old to matter to any read still held. */
    List<PlateRead> due(Instant now) {
        List<PlateRead> out = new ArrayList<>();
        while (!held.isEmpty() && !held.peek().due().isAfter(now)) {
            out.add(held.poll().read());
        }
        trim(now.minus(params.keep()));
        return out;
    }

    /** Passages at the location whose presence lies within the window of {@code t}, closest first. */
    List<EnrichedPassage> near(String location, Instant t) {
        ArrayDeque<EnrichedPassage> q = passages.get(location);
        if (q == null) {
            return List.of();
        }
        List<EnrichedPassage> out = new ArrayList<>();
        for (EnrichedPassage p : q) {
            if (gap(p, t) <= params.window().toMillis()) {
                out.add(p);
            }
        }
        out.sort(Comparator.comparingLong(p -> gap(p, t)));
        return out;
    }

    /** Confident camera reads at the location within the window of the passage's presence. */
    List<PlateRead> readsNear(EnrichedPassage p) {
        ArrayDeque<PlateRead> q = reads.get(p.passage().locationId());
        if (q == null) {
            return List.of();
        }
        return q.stream().filter(r -> gap(p, r.timestamp()) <= params.window().toMillis()).toList();
    }

    /** When the location's readers last stored a passage that this rule heard of. */
    Optional<Instant> lastPassageAt(String location) {
        return Optional.ofNullable(lastPassage.get(location));
    }

    int held() {
        return held.size();
    }

    int kept() {
        return passages.values().stream().mapToInt(ArrayDeque::size).sum() + reads.values().stream().mapToInt(ArrayDeque::size).sum();
    }

    /** Milliseconds between {@code t} and the passage's presence (0 inside it). */
    static long gap(EnrichedPassage p, Instant t) {
        Instant first = p.passage().firstSeen();
        Instant last = p.passage().lastSeen();
        if (t.isBefore(first)) {
            return first.toEpochMilli() - t.toEpochMilli();
        }
        if (t.isAfter(last)) {
            return t.toEpochMilli() - last.toEpochMilli();
        }
        return 0;
    }

    private void trim(Instant horizon) {
        for (Iterator<ArrayDeque<EnrichedPassage>> it = passages.values().iterator(); it.hasNext(); ) {
            ArrayDeque<EnrichedPassage> q = it.next();
            q.removeIf(p -> p.passage().lastSeen().isBefore(horizon));
            if (q.isEmpty()) {
                it.remove();
            }
        }
        for (Iterator<ArrayDeque<PlateRead>> it = reads.values().iterator(); it.hasNext(); ) {
            ArrayDeque<PlateRead> q = it.next();
            q.removeIf(r -> r.timestamp().isBefore(horizon));
            if (q.isEmpty()) {
                it.remove();
            }
        }
    }
}
