package org.openrfid.trace.service.registry.goods;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The pallet (SSCC) registry (port). */
public interface Pallets {

    /** Inserts or replaces by SSCC, in one transaction. */
    void save(Collection<Pallet> pallets);

    Optional<Pallet> find(String sscc);

    /** The SSCCs among these that are registered. */
    Set<String> existing(Collection<String> ssccs);

    /** Up to {@code limit} pallets in SSCC order after {@code afterSscc} (null: from the start). */
    List<Pallet> page(String afterSscc, int limit);

    long count();
}
