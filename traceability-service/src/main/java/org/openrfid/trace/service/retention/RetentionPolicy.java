package org.openrfid.trace.service.retention;

import org.openrfid.trace.service.registry.binding.ObjectKind;

/**
 * How long passages of one object kind are kept, and what happens after.
 *
 * @param kind                the object kind the passage's tag was bound to at the passage's time; null for
 *                            passages of tags bound to nothing then
 * @param keepDays            passages older than this many days are dropped or anonymised
 * @param action              DROP deletes them; ANONYMISE keeps time and place (for flows) but replaces the
 *                            EPC with the all-zero EPC and removes the tag URI
 * @param watchlistedKeepDays the same for objects on a watchlist now (at least {@code keepDays})
 */
public record RetentionPolicy(ObjectKind kind, int keepDays, Action action, int watchlistedKeepDays) {

    public enum Action { DROP, ANONYMISE }

    public RetentionPolicy {
        if (keepDays < 1) {
            throw new IllegalArgumentException("keepDays must be at least 1");
        }
        if (watchlistedKeepDays < keepDays) {
            throw new IllegalArgumentException("watchlistedKeepDays " + watchlistedKeepDays + " is shorter than keepDays " + keepDays);
        }
        java.util.Objects.requireNonNull(action, "action");
    }
}
