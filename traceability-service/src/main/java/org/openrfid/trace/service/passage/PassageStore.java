package org.openrfid.trace.service.passage;


import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.service.privacy.Scope;

/**
 * Where completed passages are kept (port). Adapters: H2GIS (embedded default) and PostGIS
 * (production); both pass {@code PassageStoreContractTests}. Every field of a passage is kept,
 * with the object its tag was bound to at first-seen time.
 */
public interface PassageStore {

    /**
     * Stores the passages with their bound objects (the location info is the registry's and is not
     * copied). Idempotent on the passage id: a passage stored twice is stored once, so a replay after
     * a failure is harmless.
     *
     * @return how many were new
     * @throws RefusedPassagesException when the rows themselves are refused (retrying will not help)
     */
    int saveEnriched(Collection<EnrichedPassage> passages);

    /**
     * The store refused the batch for what is in it (a value too long for its column, a broken constraint:
     * SQLState classes 22 and 23), not because it is away: the same rows fail the same way on every retry,
     * so the caller should find the bad ones and set them aside rather than retry the batch.
     */
    class RefusedPassagesException extends RuntimeException {
        public RefusedPassagesException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Stores passages bound to no object; see {@link #saveEnriched}. */
    default int saveAll(Collection<Passage> passages) {
        return saveEnriched(passages.stream().map(EnrichedPassage::bare).toList());
    }

    /** The newest passages by first-seen time, newest first. */
    default List<Passage> latest(int limit) {
        return latest(Scope.SYSTEM, limit);
    }

    /** The newest passages the scope sees, newest first. */
    List<Passage> latest(Scope scope, int limit);

    Optional<Passage> find(String id);

    /** The passage with the object stored with it; {@link EnrichedPassage#location()} is null (not stored). */
    Optional<EnrichedPassage> findEnriched(String id);

    long count();
}
