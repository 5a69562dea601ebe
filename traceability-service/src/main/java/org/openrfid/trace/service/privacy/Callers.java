package org.openrfid.trace.service.privacy;

import java.time.Clock;
import java.util.List;
import org.openrfid.trace.service.audit.Auditor;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is asking, as the security context of the current request says: their name, roles and {@link Scope}. */
public class Callers {

    private final Clock clock;

    public Callers(Clock clock) {
        this.clock = clock;
    }

    /** The current caller's scope; outside a login (a background job) it sees nothing. */
    public Scope scope() {
        Authentication auth = authentication();
        if (auth == null) {
            return Scope.nothing(Auditor.ANONYMOUS, clock.instant());
        }
        return AccessRules.scopeOf(auth.getName(), Auditor.roles(auth), clock.instant());
    }

    public String username() {
        Authentication auth = authentication();
        return auth == null ? Auditor.ANONYMOUS : auth.getName();
    }

    public List<String> roles() {
        Authentication auth = authentication();
        return auth == null ? List.of() : Auditor.roles(auth);
    }

    public Clock clock() {
        return clock;
    }

    private static Authentication authentication() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean known = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
        return known ? auth : null;
    }
}
