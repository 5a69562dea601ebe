package org.openrfid.trace.service.alert.rules;

import org.openrfid.trace.service.road.RoadNetwork;

/**
 * Locations as the road network knows them: links join checkpoints, passages happen at their lanes,
 * so a lane is measured from its parent when the lane itself has no link.
 */
public record RoadPlaces(RoadNetwork network, LocationParents parents) {

    public String node(String locationId) {
        if (network.knows(locationId)) {
            return locationId;
        }
        String parent = parents.parentOf(locationId);
        return parent != null && network.knows(parent) ? parent : locationId;
    }

    public RoadNetwork.Distance distance(Sighting a, Sighting b, double detourFactor) {
        return network.between(node(a.locationId()), a.lat(), a.lon(), node(b.locationId()), b.lat(), b.lon(), detourFactor);
    }
}
