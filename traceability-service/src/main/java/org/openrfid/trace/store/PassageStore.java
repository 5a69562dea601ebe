package org.openrfid.trace.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.openrfid.trace.passage.Passage;

/**
 * Where completed passages are kept (port). Adapters: H2GIS (embedded default) and PostGIS
 * (production); both pass {@code PassageStoreContractTests}.
 */
public interface PassageStore {

    /**
     * Stores the passages. Idempotent on the passage id: a passage stored twice is stored once,
     * so a replay after a failure is harmless.
     *
     * @return how many were new
     */
    int saveAll(Collection<Passage> passages);

    /** The newest passages by first-seen time, newest first. */
    List<Passage> latest(int limit);

    Optional<Passage> find(String id);

    long count();
}
