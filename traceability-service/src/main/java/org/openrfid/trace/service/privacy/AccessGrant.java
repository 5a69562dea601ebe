package org.openrfid.trace.service.privacy;

import java.time.Instant;

/**
 * One user's right to look up one restricted object, for a while ({@code validTo} null: until revoked).
 * Grants name a user, not a role: the point of restricting is that only named people look.
 */
public record AccessGrant(long id, String kind, String objectId, String username, String reason, String grantedBy,
                          Instant validFrom, Instant validTo) {

    public boolean validAt(Instant t) {
        return !validFrom.isAfter(t) && (validTo == null || validTo.isAfter(t));
    }
}
