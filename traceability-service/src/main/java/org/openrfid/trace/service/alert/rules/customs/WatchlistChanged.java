package org.openrfid.trace.service.alert.rules.customs;

import java.util.Set;

/**
 * Customs-hold entries changed through the watchlist port (a Spring application event, relayed to
 * every member): the objects ({@code KIND:id}) of saved entries and the ids of ended ones.
 */
public record WatchlistChanged(Set<String> objects, Set<Long> endedEntries) {

    public WatchlistChanged {
        objects = Set.copyOf(objects);
        endedEntries = Set.copyOf(endedEntries);
    }
}
