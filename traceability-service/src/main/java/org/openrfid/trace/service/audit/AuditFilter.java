package org.openrfid.trace.service.audit;

import java.time.Instant;

/** Which records a page holds: each non-null field must match exactly; {@code from} inclusive, {@code to} exclusive. */
public record AuditFilter(String username, String subject, String action, Instant from, Instant to) {

    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null);

    public AuditFilter {
        if (from != null && to != null && !to.isAfter(from)) {
            throw new IllegalArgumentException("to: must be after from");
        }
    }
}
