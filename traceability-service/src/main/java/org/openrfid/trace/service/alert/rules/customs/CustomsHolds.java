package org.openrfid.trace.service.alert.rules.customs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.watchlist.Watchlist;
import org.openrfid.trace.service.registry.watchlist.WatchlistEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The objects and EPCs under customs hold (active entries of the watchlist list {@code customs_hold}),
 * in memory, so a passage at a port gate asks the database nothing however long the list is.
 *
 * <p>{@link #refresh()}, about once a second on a thread of its own: the first call loads the list
 * (paged by id); later calls fetch entries with a higher id than seen (a primary-key range: cheap at
 * any list size), re-read the objects whose entries were changed or ended ({@link #changed}, told by
 * the watchlist port on any member), and rebuild the held set when anything changed or an entry's
 * start or end time passed. A full reload every {@code fullReload} heals what was missed (an insert
 * that committed after a higher id, a lost cluster message).
 */
public class CustomsHolds {

    public static final String LIST = "customs_hold";
    static final int PAGE = 10_000;
    private static final Logger log = LoggerFactory.getLogger(CustomsHolds.class);

    private final Watchlist watchlist;
    private final Clock clock;
    private final Duration fullReload;
    private final Set<String> dirtyObjects = ConcurrentHashMap.newKeySet();
    private final Set<Long> dirtyEntries = ConcurrentHashMap.newKeySet();

    // refresh-thread state
    private final Map<Long, WatchlistEntry> entries = new HashMap<>();
    private long maxId;
    private Instant loadedAt;
    private Instant nextTransition;

    /** Held object keys and {@code EPC:hex} keys, each with its active entry; swapped whole. */
    private volatile Map<String, WatchlistEntry> held = Map.of();
    private volatile boolean loaded;

    public CustomsHolds(Watchlist watchlist, Clock clock, Duration fullReload) {
        this.watchlist = watchlist;
        this.clock = clock;
        this.fullReload = fullReload;
    }

    static String key(ObjectKind kind, String objectId) {
        return kind.name() + ":" + objectId;
    }

    /** Whether the object, or the tag, is under an active customs hold (as of the last refresh). */
    public boolean isHeld(ObjectKind kind, String objectId, String epcHex) {
        return holdOf(kind, objectId, epcHex) != null;
    }

    /** The active hold entry of the object, else of the tag (as of the last refresh), or null. */
    public WatchlistEntry holdOf(ObjectKind kind, String objectId, String epcHex) {
        Map<String, WatchlistEntry> h = held;
        WatchlistEntry e = kind != null && objectId != null ? h.get(key(kind, objectId)) : null;
        return e != null || epcHex == null ? e : h.get("EPC:" + epcHex.toUpperCase(java.util.Locale.ROOT));
    }

    public boolean loaded() {
        return loaded;
    }

    /** Entries of these objects, or these entries, changed: re-read at the next refresh. */
    public void changed(WatchlistChanged change) {
        dirtyObjects.addAll(change.objects());
        dirtyEntries.addAll(change.endedEntries());
    }

    /** Brings the held set up to date; a failure keeps the last set and is logged. */
    public synchronized void refresh() {
        Instant now = clock.instant();
        try {
            boolean changed;
            if (!loaded || loadedAt == null || !now.isBefore(loadedAt.plus(fullReload))) {
                loadAll(now);
                changed = true;
            } else {
                changed = loadNew() | reloadDirty();
            }
            if (changed || nextTransition != null && !now.isBefore(nextTransition)) {
                rebuild(now);
            }
        } catch (RuntimeException e) {
            log.warn("Refreshing the customs holds failed ({}): keeping the {} known", e.toString(), held.size());
        }
    }

    private void loadAll(Instant now) {
        Map<Long, WatchlistEntry> next = new HashMap<>();
        long after = 0;
        dirtyObjects.clear();
        dirtyEntries.clear();
        while (true) {
            List<WatchlistEntry> page = watchlist.page(after, LIST, PAGE);
            page.forEach(e -> next.put(e.id(), e));
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1).id();
        }
        entries.clear();
        entries.putAll(next);
        maxId = Math.max(maxId, next.keySet().stream().mapToLong(Long::longValue).max().orElse(0));
        loadedAt = now;
        if (!loaded) {
            log.info("Customs holds loaded: {} entries", entries.size());
        }
        loaded = true;
    }

    private boolean loadNew() {
        boolean any = false;
        while (true) {
            List<WatchlistEntry> page = watchlist.page(maxId, LIST, PAGE);
            for (WatchlistEntry e : page) {
                entries.put(e.id(), e);
                maxId = Math.max(maxId, e.id());
                any = true;
            }
            if (page.size() < PAGE) {
                return any;
            }
        }
    }

    private boolean reloadDirty() {
        if (dirtyObjects.isEmpty() && dirtyEntries.isEmpty()) {
            return false;
        }
        Set<String> objects = new HashSet<>(drain(dirtyObjects));
        for (Long id : drain(dirtyEntries)) {
            WatchlistEntry known = entries.get(id);
            if (known != null) {
                objects.add(key(known.kind(), known.objectId()));
            } else {
                Optional<WatchlistEntry> found = watchlist.find(id);
                found.filter(e -> LIST.equals(e.list())).ifPresent(e -> objects.add(key(e.kind(), e.objectId())));
            }
        }
        for (String object : objects) {
            int colon = object.indexOf(':');
            ObjectKind kind = ObjectKind.valueOf(object.substring(0, colon));
            String id = object.substring(colon + 1);
            entries.values().removeIf(e -> e.kind() == kind && e.objectId().equals(id));
            for (WatchlistEntry e : watchlist.ofObject(kind, id)) {
                if (LIST.equals(e.list())) {
                    entries.put(e.id(), e);
                    maxId = Math.max(maxId, e.id());
                }
            }
        }
        return true;
    }

    private static <T> List<T> drain(Set<T> set) {
        List<T> out = new ArrayList<>(set);
        set.removeAll(out);
        return out;
    }

    private void rebuild(Instant now) {
        Map<String, WatchlistEntry> next = new HashMap<>();
        Instant transition = null;
        for (WatchlistEntry e : entries.values()) {
            if (e.activeAt(now)) {
                next.put(key(e.kind(), e.objectId()), e);
                if (e.epcHex() != null) {
                    next.put("EPC:" + e.epcHex().toUpperCase(java.util.Locale.ROOT), e);
                }
            }
            transition = earliest(transition, e.validFrom().isAfter(now) ? e.validFrom() : null);
            transition = earliest(transition, e.validTo() != null && e.validTo().isAfter(now) ? e.validTo() : null);
        }
        held = Map.copyOf(next);
        nextTransition = transition;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    int entryCount() {
        return entries.size();
    }

    Collection<String> heldKeys() {
        return held.keySet();
    }
}
