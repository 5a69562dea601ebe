package org.openrfid.trace.service.registry.watchlist;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openrfid.trace.service.registry.binding.ObjectKind;

/** Watchlist entries (port). An entry is keyed by list, object and start: saving one again replaces its other fields. */
public interface Watchlist {

    /**
     * Inserts or replaces by (list, object, start), in one transaction.
     *
     * @return how many were new
     */
    int save(Collection<WatchlistEntry> entries);

    Optional<WatchlistEntry> find(long id);

    /** Every entry of the object, oldest first. */
    List<WatchlistEntry> ofObject(ObjectKind kind, String objectId);

    /** The ids of objects of this kind with an entry active at {@code at}. */
    Set<String> activeObjects(ObjectKind kind, Instant at);

    /** Ends an open entry at {@code at}; false when there is no such open entry. */
    boolean end(long id, Instant at);

    /** Up to {@code limit} entries in id order after {@code afterId} (0: from the start), of one list when {@code list} is not null. */
    List<WatchlistEntry> page(long afterId, String list, int limit);

    long count();

    /**
     * Entries saved or ended at or after {@code since} (database time), oldest change first: how every
     * member's rule engine keeps its watchlist index current without a message bus.
     */
    List<Changed> changedSince(Instant since, int limit);

    /** The database's clock, the time base of {@link #changedSince}. */
    Instant now();

    /** An entry and when it last changed (database time). */
    record Changed(WatchlistEntry entry, Instant changedAt) {
    }
}
