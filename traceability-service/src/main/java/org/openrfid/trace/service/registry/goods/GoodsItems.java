package org.openrfid.trace.service.registry.goods;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The goods registry (port). GTIN + serial is unique. */
public interface GoodsItems {

    /** Inserts or replaces by id, in one transaction. */
    void save(Collection<GoodsItem> items);

    Optional<GoodsItem> find(UUID id);

    /** The registered items among these ids, by id, in one round trip per few hundred ids. */
    java.util.Map<UUID, GoodsItem> findAll(Collection<UUID> ids);

    /** The ids among these that are registered. */
    Set<UUID> existing(Collection<UUID> ids);

    /** Up to {@code limit} items ordered by GTIN then serial (code point order), after the given key (null: from the start). */
    List<GoodsItem> page(String afterGtin, String afterSerial, int limit);

    /** Up to {@code limit} items of one consignment in GTIN, serial order. */
    List<GoodsItem> ofConsignment(String consignment, int limit);

    long count();
}
