package org.openrfid.trace.service.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.ApplicationListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;

/**
 * Writes an {@code ACCESS_DENIED} record (outcome REFUSED) when a logged-in user is refused by the endpoint
 * rules (a librarian asking for a vehicle's trajectory), naming the method and path as the subject.
 * Anonymous requests are left out: they are sent to the login, and failed logins have their own records.
 */
public class AccessDeniedAuditor implements ApplicationListener<AuthorizationDeniedEvent<?>> {

    public static final String ACTION = "ACCESS_DENIED";

    private final Auditor auditor;

    public AccessDeniedAuditor(Auditor auditor) {
        this.auditor = auditor;
    }

    @Override
    public void onApplicationEvent(AuthorizationDeniedEvent<?> event) {
        Authentication auth = event.getAuthentication().get();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return;
        }
        if (!(event.getObject() instanceof HttpServletRequest request)) {
            return; // method security, if it is ever used, audits in its own terms
        }
        String subject = request.getMethod() + " " + request.getRequestURI();
        auditor.record(new AuditEntry(auth.getName(), Auditor.roles(auth), ACTION, subject, null, null, request.getRemoteAddr(),
                AuditOutcome.REFUSED));
    }
}
