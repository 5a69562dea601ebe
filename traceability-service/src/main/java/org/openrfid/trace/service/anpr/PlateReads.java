package org.openrfid.trace.service.anpr;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.openrfid.trace.service.privacy.Scope;

/**
 * The camera plate reads (port; adapters in {@code anpr.jdbc} for H2GIS and PostGIS). Reads are
 * identified by {@link PlateReadIds}, so saving one twice stores it once.
 */
public interface PlateReads {

    /**
     * Stores the reads in one transaction; those already stored are left as they are.
     *
     * @return the reads that were new, with their ids, in the order given
     */
    List<PlateRead> saveAll(Collection<PlateRead> reads);

    /**
     * Reads matching the query, newest first (read time, then id), at most {@code limit}, after
     * {@code after} (null: from the newest), limited to what {@code scope} sees of vehicles: places of
     * the kinds a scope sees vehicles only at, no plate of a restricted vehicle the caller holds no grant for.
     */
    List<PlateRead> find(PlateReadQuery query, Scope scope, PageKey after, int limit);

    /**
     * Retention: deletes reads older than {@code cutoff}, and reads of the plate of a vehicle on a
     * watchlist at {@code now} only when older than {@code watchlistedCutoff}.
     *
     * @return how many were deleted
     */
    long deleteOlderThan(Instant cutoff, Instant watchlistedCutoff, Instant now);

    /** Where a page ended: the last read's time and id. */
    record PageKey(Instant timestamp, long id) {
        public static PageKey of(PlateRead read) {
            return new PageKey(read.timestamp(), read.id());
        }
    }
}
