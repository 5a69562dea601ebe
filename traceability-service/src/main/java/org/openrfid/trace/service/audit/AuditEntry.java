package org.openrfid.trace.service.audit;

import java.util.List;
import java.util.Objects;

/**
 * What a caller asks the trail to record; the trail adds the id, the time and the chain hashes.
 * Texts longer than the columns are cut (an audit record is never refused for its length), roles are
 * kept in the order given and may not contain a comma (they are stored comma-joined).
 *
 * @param username    who acted ({@code anonymous} when nobody is logged in; the name tried for a failed login)
 * @param roles       the caller's roles without the {@code ROLE_} prefix
 * @param action      what was done, an upper-case word such as {@code LOGIN_FAILED} or {@code VEHICLE_TRAJECTORY}
 * @param subject     what it was done to: a plate, an object id, an EPC, an area; may be null
 * @param purpose     why (a case number); may be null
 * @param resultCount how many results were returned; null when not a query
 * @param clientIp    the client's address as the server saw it; may be null
 * @param outcome     how it ended
 */
public record AuditEntry(String username, List<String> roles, String action, String subject, String purpose, Long resultCount,
                         String clientIp, AuditOutcome outcome) {

    public static final int USERNAME_MAX = 100;
    public static final int ACTION_MAX = 64;
    public static final int TEXT_MAX = 500;
    public static final int CLIENT_IP_MAX = 64;

    public AuditEntry {
        username = cut(Objects.requireNonNull(username, "username"), USERNAME_MAX);
        action = cut(Objects.requireNonNull(action, "action"), ACTION_MAX);
        Objects.requireNonNull(outcome, "outcome");
        roles = List.copyOf(roles == null ? List.of() : roles);
        for (String role : roles) {
            if (role.isEmpty() || role.indexOf(',') >= 0) {
                throw new IllegalArgumentException("roles: '" + role + "' is empty or holds a comma");
            }
        }
        if (String.join(",", roles).length() > TEXT_MAX) {
            throw new IllegalArgumentException("roles: more than " + TEXT_MAX + " characters");
        }
        subject = cut(subject, TEXT_MAX);
        purpose = cut(purpose, TEXT_MAX);
        clientIp = cut(clientIp, CLIENT_IP_MAX);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
