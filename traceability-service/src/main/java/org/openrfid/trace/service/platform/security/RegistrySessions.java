package org.openrfid.trace.service.platform.security;

import org.openrfid.trace.service.user.UserSessions;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;

/** Ends sessions through Spring Security's session registry, which form logins register with. */
final class RegistrySessions implements UserSessions {

    private final SessionRegistry registry;

    RegistrySessions(SessionRegistry registry) {
        this.registry = registry;
    }

    @Override
    public int endAll(String username) {
        int ended = 0;
        for (Object principal : registry.getAllPrincipals()) {
            String name = principal instanceof UserDetails d ? d.getUsername() : String.valueOf(principal);
            if (name.equals(username)) {
                for (SessionInformation session : registry.getAllSessions(principal, false)) {
                    session.expireNow();
                    ended++;
                }
            }
        }
        return ended;
    }
}
