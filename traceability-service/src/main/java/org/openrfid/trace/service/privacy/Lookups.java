package org.openrfid.trace.service.privacy;

import org.openrfid.trace.service.audit.AuditOutcome;
import org.openrfid.trace.service.audit.Auditor;

/**
 * The audit side of every look at tracking data (issue 12): one record per lookup, written before the
 * answer leaves; a purpose (a case number, a ticket) that vehicle lookups must state; and the checks
 * that open a kind or a restricted object to the caller. A refusal is recorded too, with outcome
 * {@code REFUSED}, so the trail shows who tried.
 */
public class Lookups {

    /** The header that may carry the purpose instead of the {@code purpose} query parameter. */
    public static final String PURPOSE_HEADER = "X-Purpose";
    static final int PURPOSE_MAX = 200;

    private final Auditor auditor;
    private final Callers callers;
    private final Restrictions restrictions;

    public Lookups(Auditor auditor, Callers callers, Restrictions restrictions) {
        this.auditor = auditor;
        this.callers = callers;
        this.restrictions = restrictions;
    }

    /** The purpose from the parameter or else the header, trimmed; null when neither gives one. */
    public static String purposeOf(String parameter, String header) {
        String p = parameter != null && !parameter.isBlank() ? parameter : header;
        if (p == null || p.isBlank()) {
            return null;
        }
        p = p.strip();
        if (p.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("purpose: control characters are not allowed");
        }
        if (p.length() > PURPOSE_MAX) {
            throw new IllegalArgumentException("purpose: at most " + PURPOSE_MAX + " characters");
        }
        return p;
    }

    /**
     * The stated purpose, or a 400 naming {@code purpose} (recorded as refused). Vehicle lookups call this first.
     */
    public String requirePurpose(String action, String subject, String parameter, String header) {
        String purpose;
        try {
            purpose = purposeOf(parameter, header);
        } catch (IllegalArgumentException bad) {
            auditor.record(action, subject, null, null, AuditOutcome.REFUSED);
            throw bad;
        }
        if (purpose == null) {
            auditor.record(action, subject, null, null, AuditOutcome.REFUSED);
            throw new IllegalArgumentException("purpose: vehicle lookups need a purpose (a case or ticket number): give ?purpose=… or the "
                    + PURPOSE_HEADER + " header");
        }
        return purpose;
    }

    /** The caller's scope, or a 403 (recorded) when it sees no tracking data at all. */
    public Scope scope(String action, String subject) {
        Scope scope = callers.scope();
        if (!scope.seesAny()) {
            throw refuse(action, subject, null, "your roles " + callers.roles() + " see no passages or tracking data");
        }
        return scope;
    }

    /**
     * Refuses (403, recorded) unless the caller may look up this object: its kind in their scope and, when it is
     * restricted, ADMIN or a grant valid now.
     */
    public Scope checkObject(String action, String kind, String objectId, String purpose) {
        String subject = kind + ":" + objectId;
        Scope scope = callers.scope();
        if (!scope.sees(kind)) {
            throw refuse(action, subject, purpose, "your roles " + callers.roles() + " do not see objects of kind " + kind);
        }
        if (!scope.unlimited() && restrictions.find(kind, objectId).isPresent()
                && !restrictions.granted(kind, objectId, scope.username(), scope.at())) {
            throw refuse(action, subject, purpose, kind + " " + objectId + " is restricted: its lookups need ADMIN or a grant");
        }
        return scope;
    }

    /** Whether a listing should leave this object out for the scope: restricted, and the caller holds no grant. */
    public boolean hides(Scope scope, String kind, String objectId) {
        return !scope.unlimited() && restrictions.find(kind, objectId).isPresent()
                && !restrictions.granted(kind, objectId, scope.username(), scope.at());
    }

    /** Records an answered lookup; call it after the query and before returning the answer. */
    public void record(String action, String subject, String purpose, long resultCount) {
        auditor.record(action, subject, purpose, resultCount, AuditOutcome.OK);
    }

    /** Records the refusal and gives the 403 to throw. */
    public AccessRefusedException refuse(String action, String subject, String purpose, String detail) {
        auditor.record(action, subject, purpose, null, AuditOutcome.REFUSED);
        return new AccessRefusedException(detail);
    }
}
