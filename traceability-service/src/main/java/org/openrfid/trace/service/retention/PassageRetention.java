package org.openrfid.trace.service.retention;

import java.util.List;

/**
 * Applies retention policies to the stored passages (port; adapter {@code retention.jdbc}): deletes
 * or anonymises what is older than each policy keeps, watchlisted objects kept longer.
 */
public interface PassageRetention {

    /** What anonymised passages carry instead of their EPC: the all-zero 96-bit EPC. */
    String ANONYMOUS_EPC = "000000000000000000000000";

    /** What one run did. */
    record Result(int partitionsDropped, long deleted, long anonymised) {
    }

    Result apply(List<RetentionPolicy> policies);
}
