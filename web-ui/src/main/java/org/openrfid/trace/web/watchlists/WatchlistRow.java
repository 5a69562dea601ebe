package org.openrfid.trace.web.watchlists;

import java.time.Instant;
import org.openrfid.trace.service.registry.watchlist.WatchlistEntry;

/**
 * An entry as the page shows it: the object by what people read (a plate, a product, a title; {@code detail} tells
 * alike ones apart: a serial, a call number) with a link to its page, and whether the entry holds now.
 */
public record WatchlistRow(WatchlistEntry entry, String object, String detail, String href, String state) {

    static String state(WatchlistEntry e, Instant now) {
        if (e.activeAt(now)) {
            return "ACTIVE";
        }
        return now.isBefore(e.validFrom()) ? "UPCOMING" : "ENDED";
    }

    public boolean open() {
        return entry.validTo() == null;
    }
}
