package org.openrfid.trace.service.user;

import java.time.Instant;

/** An API token as listed: never its secret, which is shown once and stored only as its SHA-256. */
public record ApiToken(long id, String username, String name, Instant createdAt, Instant expiresAt, boolean revoked) {

    /** Whether the token authenticates at {@code now}. */
    public boolean activeAt(Instant now) {
        return !revoked && now.isBefore(expiresAt);
    }
}
