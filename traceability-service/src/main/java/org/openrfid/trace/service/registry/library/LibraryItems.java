package org.openrfid.trace.service.registry.library;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The library item registry (port). */
public interface LibraryItems {

    /** Inserts or replaces by item id, in one transaction. */
    void save(Collection<LibraryItem> items);

    Optional<LibraryItem> find(String itemId);

    Set<String> existing(Collection<String> itemIds);

    /** Up to {@code limit} items in item id order after {@code afterId} (null: from the start); {@code status} filters when not null. */
    List<LibraryItem> page(String afterId, String status, int limit);

    long count();
}
