package org.openrfid.trace.service.alert.rules.watchlist;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.watchlist.Watchlist;
import org.openrfid.trace.service.registry.watchlist.WatchlistEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every watchlist entry in memory, by object and by EPC, so a rule checks a passage without a query
 * (a 1 M-entry list included). Loaded once, then kept current by polling the store for entries changed
 * since the last look (database time, so every member sees a change within {@code pollEvery} whatever
 * its clock says). Entries that ended long ago are dropped from memory.
 */
public final class WatchlistIndex implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WatchlistIndex.class);
    /** Re-read this much before the last change seen: a change committed late with an earlier timestamp is not missed. */
    private static final Duration OVERLAP = Duration.ofSeconds(5);
    private static final int PAGE = 10_000;

    private final Watchlist watchlist;
    // Immutable lists, replaced on change: a reader never sees one half-updated. Keyed by object id alone
    // (the kind is checked on the entry) and by RawEpc, so a passage is looked up without building a key.
    private final Map<String, List<WatchlistEntry>> byObject = new ConcurrentHashMap<>();
    private final Map<RawEpc, List<WatchlistEntry>> byEpc = new ConcurrentHashMap<>();
    private final Map<String, String> canonical = new ConcurrentHashMap<>();
    private final Thread poller;
    private final long pollMillis;
    private volatile boolean running = true;
    private volatile boolean loaded;
    private Instant since;

    public WatchlistIndex(Watchlist watchlist, Duration pollEvery) {
        this.watchlist = watchlist;
        this.pollMillis = pollEvery.toMillis();
        this.poller = new Thread(this::run, "watchlist-index");
        poller.setDaemon(true);
    }

    public WatchlistIndex start() {
        poller.start();
        return this;
    }

    /** Loads everything now on the caller's thread (tests, benchmarks), then polls as usual once started. */
    public void loadNow() {
        load();
    }

    /** Entries active at {@code at} for this object or this EPC (either may be null); an empty list costs nothing. */
    public List<WatchlistEntry> active(ObjectKind kind, String objectId, RawEpc epc, Instant at) {
        List<WatchlistEntry> byId = objectId == null ? null : byObject.get(objectId);
        List<WatchlistEntry> byTag = epc == null ? null : byEpc.get(epc);
        if (byId == null && byTag == null) {
            return List.of();
        }
        List<WatchlistEntry> out = new ArrayList<>(2);
        if (byId != null) {
            for (WatchlistEntry e : byId) {
                if (e.kind() == kind && e.activeAt(at)) {
                    out.add(e);
                }
            }
        }
        if (byTag != null) {
            for (WatchlistEntry e : byTag) {
                if (e.activeAt(at) && out.stream().noneMatch(o -> o.id() == e.id())) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /** Entries active at {@code at} for an EPC given as hex. */
    public List<WatchlistEntry> activeForHex(ObjectKind kind, String objectId, String epcHex, Instant at) {
        return active(kind, objectId, epcHex == null ? null : RawEpc.ofHex(epcHex), at);
    }

    public boolean isLoaded() {
        return loaded;
    }

    public int size() {
        return byObject.values().stream().mapToInt(List::size).sum();
    }

    private void run() {
        while (running) {
            try {
                if (!loaded) {
                    load();
                } else {
                    poll();
                }
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Watchlist index refresh failed (keeping what it has): {}", e.toString());
                try {
                    Thread.sleep(Math.max(pollMillis, 2_000));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private synchronized void load() {
        if (loaded) {
            return;
        }
        Instant start = watchlist.now();
        long after = 0;
        int n = 0;
        while (true) {
            List<WatchlistEntry> page = watchlist.page(after, null, PAGE);
            page.forEach(this::put);
            n += page.size();
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1).id();
        }
        since = start.minus(OVERLAP);
        loaded = true;
        log.info("Watchlist index: {} entries loaded", n);
    }

    private synchronized void poll() {
        Instant next = since;
        while (true) {
            List<Watchlist.Changed> changed = watchlist.changedSince(next, PAGE);
            for (Watchlist.Changed c : changed) {
                put(c.entry());
            }
            if (changed.size() < PAGE) {
                if (!changed.isEmpty()) {
                    Instant newest = changed.get(changed.size() - 1).changedAt();
                    since = newest.minus(OVERLAP).isAfter(since) ? newest.minus(OVERLAP) : since;
                }
                return;
            }
            next = changed.get(changed.size() - 1).changedAt();
        }
    }

    private void put(WatchlistEntry given) {
        // Lists and reasons repeat across a million entries: keep one copy of each.
        WatchlistEntry e = new WatchlistEntry(given.id(), canonical(given.list()), given.kind(), given.objectId(), given.epcHex(),
                given.subject(), canonical(given.reason()), given.validFrom(), given.validTo());
        replace(byObject, e.objectId(), e);
        if (e.epcHex() != null) {
            try {
                replace(byEpc, RawEpc.ofHex(e.epcHex()), e);
            } catch (IllegalArgumentException bad) {
                log.debug("Watchlist entry {} names an EPC that does not parse: {}", e.id(), e.epcHex());
            }
        }
    }

    private String canonical(String s) {
        if (s == null || canonical.size() > 100_000) {
            return s;
        }
        String known = canonical.putIfAbsent(s, s);
        return known == null ? s : known;
    }

    private static <K> void replace(Map<K, List<WatchlistEntry>> map, K key, WatchlistEntry e) {
        map.compute(key, (k, old) -> {
            if (old == null) {
                return List.of(e);
            }
            List<WatchlistEntry> next = new ArrayList<>(old.size() + 1);
            for (WatchlistEntry o : old) {
                if (o.id() != e.id()) {
                    next.add(o);
                }
            }
            next.add(e);
            return List.copyOf(next);
        });
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
    }
}
