package org.openrfid.trace.service.user;

import java.time.Instant;
import java.util.Set;

/** A user stored in the database (the bootstrap {@code admin} is not one). The password hash is not part of it. */
public record UserAccount(String username, String displayName, Set<Role> roles, boolean enabled, Instant createdAt) {

    public UserAccount {
        roles = Set.copyOf(roles);
    }
}
