package org.openrfid.trace.web.alerts;

import java.util.Set;
import org.openrfid.trace.service.alert.Alert;
import org.openrfid.trace.service.enrichment.LocationCache;
import org.openrfid.trace.service.privacy.Scope;

/**
 * Which alerts a person sees, by the same rule as {@code /api/v1/alerts} (whose check is private to its
 * controller): alerts about no object (a reader down) are everyone's; others follow the caller's scope,
 * per location kind where the scope says so (customs see vehicles at port gates only).
 */
class AlertVisibility {

    private final LocationCache locations;

    AlertVisibility(LocationCache locations) {
        this.locations = locations;
    }

    boolean sees(Scope scope, Alert a) {
        if (a.objectKind() == null || scope.seesEverywhere(a.objectKind().name())) {
            return true;
        }
        Set<String> places = scope.onlyAt().get(a.objectKind().name());
        return places != null && a.locationId() != null && places.contains(locations.kindOf(a.locationId()));
    }
}
