package org.openrfid.trace.service.alert.rules.customs;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.watchlist.WatchlistEntry;

/**
 * Which objects and tags are under customs hold: an active entry of the watchlist list
 * {@code customs_hold}. Answered from memory (the application backs it with the rule engine's
 * watchlist index, kept current within half a second on every member), never by a query per passage.
 */
@FunctionalInterface
public interface CustomsHolds {

    String LIST = "customs_hold";

    /** The active hold of the object, else of the tag, at {@code at}; null when neither is held. */
    WatchlistEntry holdOf(ObjectKind kind, String objectId, String epcHex, Instant at);

    /** Every active watchlist entry of an object or tag, of any list (the watchlist index's question). */
    @FunctionalInterface
    interface ActiveEntries {
        List<WatchlistEntry> active(ObjectKind kind, String objectId, String epcHex, Instant at);
    }

    /** The {@code customs_hold} entries among the active ones; the object's own hold before one made for its tag. */
    static CustomsHolds from(ActiveEntries entries) {
        return (kind, objectId, epcHex, at) -> entries.active(kind, objectId, epcHex, at).stream()
                .filter(e -> LIST.equals(e.list()))
                .min(Comparator.comparing((WatchlistEntry e) -> !(e.kind() == kind && e.objectId().equals(objectId))))
                .orElse(null);
    }
}
