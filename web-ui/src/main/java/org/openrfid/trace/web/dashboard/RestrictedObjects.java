package org.openrfid.trace.web.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.openrfid.trace.service.privacy.Restrictions;
import org.openrfid.trace.service.privacy.Scope;

/**
 * The restricted objects, as a set reread every few seconds: the live feed checks every passage for
 * every open dashboard and must not ask the database each time. Grants are asked for only when an
 * object is restricted, which is rare.
 */
class RestrictedObjects {

    private static final Duration REFRESH = Duration.ofSeconds(5);

    private final Restrictions restrictions;
    private final Clock clock;
    private volatile Set<String> keys = Set.of();
    private volatile Instant readAt = Instant.MIN;

    RestrictedObjects(Restrictions restrictions, Clock clock) {
        this.restrictions = restrictions;
        this.clock = clock;
    }

    boolean hides(Scope scope, String kind, String objectId) {
        if (scope.unlimited() || !current().contains(kind + ":" + objectId)) {
            return false;
        }
        return !restrictions.granted(kind, objectId, scope.username(), clock.instant());
    }

    private Set<String> current() {
        Instant now = clock.instant();
        if (readAt.plus(REFRESH).isBefore(now)) {
            keys = restrictions.all().stream().map(r -> r.kind() + ":" + r.objectId()).collect(Collectors.toUnmodifiableSet());
            readAt = now;
        }
        return keys;
    }
}
