package org.openrfid.trace.service.library;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Shelf inventory sessions, their reads and, once finished, their frozen reports (port). */
public interface Inventories {

    Inventory start(String locationId, String readerId, Instant at, String startedBy);

    Optional<Inventory> find(long id);

    /** Newest first, before {@code beforeId} (0: from the newest), up to {@code limit}. */
    List<Inventory> list(long beforeId, int limit);

    /** The sessions still collecting. */
    List<Inventory> open();

    /** Adds reads; a tag read again keeps its first read. Returns how many tags were new to the session. */
    int addReads(long inventoryId, Collection<InventoryRead> reads);

    List<InventoryRead> reads(long inventoryId);

    /** Closes the session with its report; false when it was finished already. */
    boolean finish(long inventoryId, Instant at, Collection<InventoryFinding> findings);

    /** The report frozen at finish (empty list while open). */
    List<InventoryFinding> findings(long inventoryId);
}
