package org.openrfid.trace.service.epcis;

import java.util.Objects;

/**
 * The EPCIS business context of one registry location, used for the ObjectEvents derived from its
 * passages. Every part is optional: bizStep and disposition default by the read's direction; readPoint
 * and bizLocation default to the SGLN, which defaults to the location's own URI. Values are already
 * normalised ({@link CbvTerms}): CBV words bare, other values absolute URIs.
 */
public record LocationConfig(String locationId, String bizStep, String disposition, String sgln, String readPoint,
        String bizLocation) {

    public LocationConfig {
        Objects.requireNonNull(locationId, "locationId");
    }

    /** The readPoint id of events at this location. */
    String effectiveReadPoint() {
        return readPoint != null ? readPoint : sgln != null ? sgln : Vocabulary.locationUri(locationId);
    }

    String effectiveBizLocation() {
        return bizLocation != null ? bizLocation : sgln != null ? sgln : Vocabulary.locationUri(locationId);
    }
}
