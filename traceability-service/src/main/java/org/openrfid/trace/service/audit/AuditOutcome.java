package org.openrfid.trace.service.audit;

/** How the audited access ended: answered, refused (no right, no purpose, bad credentials), or failed on an error. */
public enum AuditOutcome {
    OK, REFUSED, FAILED
}
