package org.openrfid.trace.service.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The restricted objects and the grants that open them (port). Adapters: H2GIS and PostGIS
 * ({@code RestrictionsContractTests}). The query adapters read the same tables in their SQL.
 */
public interface Restrictions {

    /** Marks the object restricted (again: the reason is replaced). */
    RestrictedObject restrict(String kind, String objectId, String reason, String by, Instant at);

    /** @return whether it was restricted */
    boolean lift(String kind, String objectId);

    Optional<RestrictedObject> find(String kind, String objectId);

    List<RestrictedObject> all();

    AccessGrant grant(String kind, String objectId, String username, String reason, String by, Instant from, Instant to);

    /** @return whether there was such a grant */
    boolean revoke(long grantId);

    List<AccessGrant> grants();

    /** Whether the user holds a grant for the object valid at {@code at}. */
    boolean granted(String kind, String objectId, String username, Instant at);
}
