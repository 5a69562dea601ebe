package org.openrfid.trace.web.dashboard;

import java.util.Set;
import org.openrfid.trace.service.privacy.Scope;

/**
 * Which live passages reach one open dashboard: those its user's scope admits (kind, places for kinds
 * seen only at some location kinds, restricted objects without a grant left out) and that match the
 * page's own filter (kind; a location with its lanes and other children).
 */
record RowFilter(Scope scope, String kind, Set<String> locationIds, RestrictedObjects restricted) {

    boolean admits(PassageRow row) {
        if (kind != null && !kind.equals(row.kind())) {
            return false;
        }
        if (locationIds != null && !locationIds.contains(row.locationId())) {
            return false;
        }
        return scopeAdmits(row);
    }

    private boolean scopeAdmits(PassageRow row) {
        if (scope.unlimited()) {
            return true;
        }
        if (!scope.seesEverywhere(row.kind())) {
            Set<String> places = scope.onlyAt().get(row.kind());
            if (places == null || row.locationKind() == null || !places.contains(row.locationKind())) {
                return false;
            }
        }
        return !restricted.hides(scope, row.kind(), row.objectId());
    }
}
