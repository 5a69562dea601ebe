package org.openrfid.trace.service.alert.rules.watchlist;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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
    private final Map<String, List<WatchlistEntry>> byObject = new ConcurrentHashMap<>();
    private final Map<String, List<WatchlistEntry>> byEpc = new ConcurrentHashMap<>();
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

    /** Entries active at {@code at} for this object or this EPC (either may be null). */
    public List<WatchlistEntry> active(ObjectKind kind, String objectId, String epcHex, Instant at) {
        List<WatchlistEntry> out = new ArrayList<>(2);
        if (kind != null && objectId != null) {
            add(out, byObject.get(key(kind, objectId)), at);
        }
        if (epcHex != null) {
            for (WatchlistEntry e : byEpc.getOrDefault(epcHex, List.of())) {
                if (e.activeAt(at) && out.stream().noneMatch(o -> o.id() == e.id())) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    public boolean isLoaded() {
        return loaded;
    }

    public int size() {
        return byObject.values().stream().mapToInt(List::size).sum();
    }

    private static void add(List<WatchlistEntry> out, List<WatchlistEntry> entries, Instant at) {
        if (entries != null) {
            for (WatchlistEntry e : entries) {
                if (e.activeAt(at)) {
                    out.add(e);
                }
            }
        }
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

    private void put(WatchlistEntry e) {
        replace(byObject, key(e.kind(), e.objectId()), e);
        if (e.epcHex() != null) {
            replace(byEpc, e.epcHex(), e);
        }
    }

    private static void replace(Map<String, List<WatchlistEntry>> map, String key, WatchlistEntry e) {
        List<WatchlistEntry> list = map.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>());
        list.removeIf(o -> o.id() == e.id());
        list.add(e);
    }

    private static String key(ObjectKind kind, String objectId) {
        return kind.name() + ':' + objectId;
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
    }
}
