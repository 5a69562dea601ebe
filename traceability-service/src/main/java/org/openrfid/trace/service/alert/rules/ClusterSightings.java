package org.openrfid.trace.service.alert.rules;

import java.util.Optional;

/**
 * Where a tag was last seen anywhere in the cluster (the backed-up last-seen board), for the passages
 * this member's rule never saw: each member runs the rules for the locations it owns, and a clone's two
 * places are usually owned by two members. The board is written as passages are stored, so it may
 * already hold the very passage being checked; the rule skips that.
 */
@FunctionalInterface
public interface ClusterSightings {

    Optional<Sighting> lastSeen(String epcHex, int bits);

    /**
     * The cluster's sighting when it is newer than this rule's own and is not the passage being checked
     * ({@code now}); else the rule's own. A cluster failure leaves the rule's own.
     */
    default Sighting newest(Sighting own, String epcHex, int bits, Sighting now) {
        Sighting s;
        try {
            s = lastSeen(epcHex, bits).orElse(null);
        } catch (RuntimeException e) {
            return own; // the cluster is busy or leaving: local memory only
        }
        if (s == null || s.locationId().equals(now.locationId()) && s.firstSeen().equals(now.firstSeen())) {
            return own;
        }
        return own == null || s.lastSeen().isAfter(own.lastSeen()) ? s : own;
    }

    static ClusterSightings none() {
        return (epc, bits) -> Optional.empty();
    }
}
