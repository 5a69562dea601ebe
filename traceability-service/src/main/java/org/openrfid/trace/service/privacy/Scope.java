package org.openrfid.trace.service.privacy;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one caller may see of tracking data (issue 12): the object kinds whose passages, histories and
 * analytics reach them, some kinds only at locations of given kinds (customs see vehicles at port
 * gates, not on the city's roads), and whether restricted objects they hold no grant for are hidden.
 * Kinds are {@code ObjectKind} names plus {@link #UNBOUND} for tags bound to nothing. Every query
 * adapter applies a scope in its SQL, so a page is never filled and then thinned.
 *
 * @param username  who asks: their grants open restricted objects
 * @param unlimited everything, restricted objects included (ADMIN); the other fields are then ignored
 * @param kinds     kinds seen anywhere
 * @param onlyAt    kinds seen only at locations of these location kinds (a kind in {@code kinds} is not repeated here)
 * @param at        when grants are checked
 */
public record Scope(String username, boolean unlimited, Set<String> kinds, Map<String, Set<String>> onlyAt, Instant at) {

    /** The kind of a tag bound to nothing: raw EPCs may belong to anyone, so only an unlimited scope sees them. */
    public static final String UNBOUND = "TAG";

    /** What the system itself sees (ingest, retention, the demo, tests of the stores): everything. */
    public static final Scope SYSTEM = new Scope("system", true, Set.of(), Map.of(), Instant.EPOCH);

    public Scope {
        Set<String> seenAnywhere = Set.copyOf(kinds);
        TreeMap<String, Set<String>> copy = new TreeMap<>();
        onlyAt.forEach((kind, places) -> {
            if (!seenAnywhere.contains(kind) && !places.isEmpty()) {
                copy.put(kind, Set.copyOf(places));
            }
        });
        kinds = seenAnywhere;
        onlyAt = Map.copyOf(copy);
        Objects.requireNonNull(at, "at");
    }

    /** Sees everything: for the system itself (ingest, retention, the demo) and for ADMIN. */
    public static Scope everything(String username, Instant at) {
        return new Scope(username, true, Set.of(), Map.of(), at);
    }

    /** Sees no tracking data at all (AUDITOR, INGEST, METRICS). */
    public static Scope nothing(String username, Instant at) {
        return new Scope(username, false, Set.of(), Map.of(), at);
    }

    /** Whether any passage could reach this caller: a scope that sees nothing is refused with 403, not given empty pages. */
    public boolean seesAny() {
        return unlimited || !kinds.isEmpty() || !onlyAt.isEmpty();
    }

    /** Whether objects of this kind reach the caller somewhere. */
    public boolean sees(String kind) {
        return unlimited || kinds.contains(kind) || onlyAt.containsKey(kind);
    }

    /** Whether objects of this kind reach the caller wherever they were seen. */
    public boolean seesEverywhere(String kind) {
        return unlimited || kinds.contains(kind);
    }

    /** Kinds seen anywhere or somewhere, in name order (for messages and the {@code /api/v1/me} answer). */
    public Set<String> visibleKinds() {
        TreeSet<String> all = new TreeSet<>(kinds);
        all.addAll(onlyAt.keySet());
        return all;
    }

    /**
     * The scope for the passages of one object of {@code kind} that the caller may look up (its tag windows
     * already limit the rows to that object): its passages stored before its tag was registered (unbound
     * then) count as its own, and the places limit of the kind still holds.
     */
    public Scope forLookupOf(String kind) {
        if (unlimited) {
            return this;
        }
        if (kinds.contains(kind)) {
            return new Scope(username, false, Set.of(kind, UNBOUND), Map.of(), at);
        }
        Set<String> places = onlyAt.getOrDefault(kind, Set.of());
        return new Scope(username, false, Set.of(), Map.of(kind, places, UNBOUND, places), at);
    }

    /** This scope and that one together: a user holding two roles sees what either sees. */
    public Scope and(Scope other) {
        if (unlimited || other.unlimited) {
            return everything(username, at);
        }
        TreeSet<String> union = new TreeSet<>(kinds);
        union.addAll(other.kinds);
        TreeMap<String, Set<String>> places = new TreeMap<>();
        for (Map<String, Set<String>> m : java.util.List.of(onlyAt, other.onlyAt)) {
            m.forEach((kind, p) -> places.computeIfAbsent(kind, k -> new TreeSet<>()).addAll(p));
        }
        return new Scope(username, false, union, places, at);
    }
}
