package org.openrfid.trace.service.gate;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What passed one gate together: every passage there from {@code start} (first read) to {@code end}
 * (last read) with no gap longer than the gate window, resolved through the registry.
 *
 * @param vehicle   the vehicle (id = its plate when registered, else its EPC), or null
 * @param container the container's ISO 6346 number (its tag, or the registry's aggregation of a pallet read), or null
 * @param items     pallets, goods, library items and unbound tags: read ones, then those placed by aggregation
 *                  (their {@link GateItem#via()} names the pallet); no vehicle and no container
 * @param passages  the ids of the passages grouped
 */
public record GateContents(String locationId, String locationName, String locationKind, String direction, Instant start, Instant end,
                           GateItem vehicle, String container, List<GateItem> items, List<String> passages) {

    public GateContents {
        Objects.requireNonNull(locationId, "locationId");
        Objects.requireNonNull(locationKind, "locationKind");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        items = List.copyOf(items);
        passages = List.copyOf(passages);
    }

    /** The items of one kind. */
    public List<GateItem> itemsOf(String kind) {
        return items.stream().filter(i -> i.kind().equals(kind)).toList();
    }
}
