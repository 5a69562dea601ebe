package org.openrfid.trace.service.logistics;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Expected shipments (port). */
public interface Shipments {

    /** Inserts or replaces by id. */
    void save(Shipment shipment);

    Optional<Shipment> find(String id);

    /** Up to {@code limit} in id order after {@code afterId} (null: from the start), at one dock door when given. */
    List<Shipment> page(String afterId, String dockDoor, int limit);

    /** The shipments expected at the dock door at {@code at}, earliest window first. */
    List<Shipment> expectedAt(String dockDoor, Instant at);

    long count();
}
