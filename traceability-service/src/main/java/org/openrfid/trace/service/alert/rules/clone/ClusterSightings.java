package org.openrfid.trace.service.alert.rules.clone;

import java.util.Optional;
import org.openrfid.trace.service.alert.rules.Sighting;

/**
 * Where a tag was last seen anywhere in the cluster (the backed-up last-seen board), for the passages
 * this member's rule never saw: each member runs the rules for the locations it owns, and a clone's two
 * places are usually owned by two members. The board is written as passages are stored, so it may
 * already hold the very passage being checked; the rule skips that.
 */
@FunctionalInterface
public interface ClusterSightings {

    Optional<Sighting> lastSeen(String epcHex, int bits);

    static ClusterSightings none() {
        return (epc, bits) -> Optional.empty();
    }
}
