package org.openrfid.trace.service.audit;

import java.util.List;
import org.springframework.context.ApplicationListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Writes a {@code LOGIN_FAILED} record (outcome REFUSED) for every failed form, Basic or token login
 * that Spring Security publishes, naming the user name that was tried and the kind of failure as the
 * purpose. Spring Boot's {@code DefaultAuthenticationEventPublisher} publishes those events.
 */
public class LoginFailureAuditor implements ApplicationListener<AbstractAuthenticationFailureEvent> {

    public static final String ACTION = "LOGIN_FAILED";

    private final Auditor auditor;

    public LoginFailureAuditor(Auditor auditor) {
        this.auditor = auditor;
    }

    @Override
    public void onApplicationEvent(AbstractAuthenticationFailureEvent event) {
        String tried = event.getAuthentication().getName();
        String username = tried == null || tried.isBlank() ? Auditor.ANONYMOUS : tried;
        String clientIp = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails d && d.getRemoteAddress() != null
                ? d.getRemoteAddress() : Auditor.currentClientIp();
        auditor.record(new AuditEntry(username, List.of(), ACTION, username, event.getException().getClass().getSimpleName(), null,
                clientIp, AuditOutcome.REFUSED));
    }
}
