package org.openrfid.trace.service.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What features call to audit an access: fills in who (the logged-in user and roles) and from where
 * (the client address as the servlet container reports it: {@code X-Forwarded-For} counts only when
 * {@code server.forward-headers-strategy} is set for a trusted proxy), then appends to the trail.
 * Call it before the answer is sent; when the append fails, the exception should fail the request.
 */
public class Auditor {

    public static final String ANONYMOUS = "anonymous";

    private final AuditTrail trail;

    public Auditor(AuditTrail trail) {
        this.trail = trail;
    }

    public AuditRecord record(String action, String subject, String purpose, Long resultCount, AuditOutcome outcome) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean known = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
        return trail.append(new AuditEntry(known ? auth.getName() : ANONYMOUS, known ? roles(auth) : List.of(), action, subject, purpose,
                resultCount, currentClientIp(), outcome));
    }

    /** Appends an entry whose user the caller knows (a failed login has no logged-in user). */
    public AuditRecord record(AuditEntry entry) {
        return trail.append(entry);
    }

    /** The roles of an authentication, without the {@code ROLE_} prefix; other authorities are left out. */
    public static List<String> roles(Authentication auth) {
        return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted().distinct().toList();
    }

    /** The current request's client address, or null outside a request. */
    public static String currentClientIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
