package org.openrfid.trace.service.privacy;

import java.time.Instant;

/** An object whose lookups need ADMIN or a grant, and which analytics never name. */
public record RestrictedObject(String kind, String objectId, String reason, String restrictedBy, Instant restrictedAt) {
}
