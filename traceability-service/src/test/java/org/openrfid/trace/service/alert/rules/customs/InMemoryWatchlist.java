package org.openrfid.trace.service.alert.rules.customs;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.watchlist.Watchlist;
import org.openrfid.trace.service.registry.watchlist.WatchlistEntry;

/** The watchlist port in memory, counting the calls that would be queries. */
final class InMemoryWatchlist implements Watchlist {

    final TreeMap<Long, WatchlistEntry> byId = new TreeMap<>();
    final AtomicInteger queries = new AtomicInteger();
    private long next = 1;

    @Override
    public int save(Collection<WatchlistEntry> entries) {
        int created = 0;
        for (WatchlistEntry e : entries) {
            Optional<WatchlistEntry> same = byId.values().stream().filter(x -> x.list().equals(e.list()) && x.kind() == e.kind()
                    && x.objectId().equals(e.objectId()) && x.validFrom().equals(e.validFrom())).findFirst();
            if (same.isPresent()) {
                byId.put(same.get().id(), e.withId(same.get().id()));
            } else {
                byId.put(next, e.withId(next++));
                created++;
            }
        }
        return created;
    }

    /** Adds new entries without looking for their keys (a big list, quickly). */
    void load(Collection<WatchlistEntry> entries) {
        entries.forEach(e -> byId.put(next, e.withId(next++)));
    }

    @Override
    public Optional<WatchlistEntry> find(long id) {
        queries.incrementAndGet();
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public List<WatchlistEntry> ofObject(ObjectKind kind, String objectId) {
        queries.incrementAndGet();
        return byId.values().stream().filter(e -> e.kind() == kind && e.objectId().equals(objectId)).toList();
    }

    @Override
    public Set<String> activeObjects(ObjectKind kind, Instant at) {
        queries.incrementAndGet();
        return byId.values().stream().filter(e -> e.kind() == kind && e.activeAt(at)).map(WatchlistEntry::objectId).collect(Collectors.toSet());
    }

    @Override
    public boolean end(long id, Instant at) {
        WatchlistEntry e = byId.get(id);
        if (e == null || e.validTo() != null || !e.validFrom().isBefore(at)) {
            return false;
        }
        byId.put(id, new WatchlistEntry(id, e.list(), e.kind(), e.objectId(), e.epcHex(), e.subject(), e.reason(), e.validFrom(), at));
        return true;
    }

    @Override
    public List<WatchlistEntry> page(long afterId, String list, int limit) {
        queries.incrementAndGet();
        return byId.tailMap(afterId, false).values().stream().filter(e -> list == null || e.list().equals(list)).limit(limit).toList();
    }

    @Override
    public long count() {
        return byId.size();
    }
}
