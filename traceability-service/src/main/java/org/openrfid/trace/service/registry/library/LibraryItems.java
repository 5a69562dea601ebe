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

    /** The items whose home location is {@code locationId}, in item id order. (The default pages through all; adapters query.) */
    default List<LibraryItem> atHome(String locationId) {
        List<LibraryItem> found = new java.util.ArrayList<>();
        List<LibraryItem> page = page(null, null, 500);
        while (!page.isEmpty()) {
            page.stream().filter(i -> locationId.equals(i.homeLocation())).forEach(found::add);
            page = page.size() < 500 ? List.of() : page(page.get(page.size() - 1).itemId(), null, 500);
        }
        return found;
    }

    /** The items with these ids (those that exist). */
    default List<LibraryItem> findAll(Collection<String> itemIds) {
        return itemIds.stream().distinct().map(this::find).flatMap(Optional::stream).toList();
    }
}
