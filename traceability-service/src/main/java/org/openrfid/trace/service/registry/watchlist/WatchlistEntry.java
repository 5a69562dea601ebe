package org.openrfid.trace.service.registry.watchlist;

import java.time.Instant;
import java.util.Objects;
import org.openrfid.trace.service.registry.binding.ObjectKind;

/**
 * An object on a named watchlist (e.g. {@code stolen_vehicle}, {@code customs_hold}) for a reason from
 * {@code validFrom} (inclusive) to {@code validTo} (exclusive; null while it holds).
 *
 * @param id      0 until stored
 * @param epcHex  the tag the entry was made for, or null
 * @param subject how people name the object (a plate, a consignment), or null
 */
public record WatchlistEntry(long id, String list, ObjectKind kind, String objectId, String epcHex, String subject, String reason,
                             Instant validFrom, Instant validTo) {

    public WatchlistEntry {
        list = listName(list);
        Objects.requireNonNull(kind, "kind");
        if (objectId == null || objectId.isBlank() || objectId.length() > 64) {
            throw new IllegalArgumentException("objectId must be 1..64 characters");
        }
        subject = subject == null || subject.isBlank() ? null : limit(subject.trim(), 200, "subject");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason is required");
        }
        reason = limit(reason.trim(), 500, "reason");
        Objects.requireNonNull(validFrom, "validFrom");
        if (validTo != null && !validTo.isAfter(validFrom)) {
            throw new IllegalArgumentException("until " + validTo + " is not after since " + validFrom);
        }
    }

    public boolean activeAt(Instant t) {
        return !t.isBefore(validFrom) && (validTo == null || t.isBefore(validTo));
    }

    public WatchlistEntry withId(long newId) {
        return new WatchlistEntry(newId, list, kind, objectId, epcHex, subject, reason, validFrom, validTo);
    }

    /** List names: 1..32 of lower-case letters, digits and '_'. */
    public static String listName(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
        if (!t.matches("[a-z0-9_]{1,32}")) {
            throw new IllegalArgumentException("'" + text + "' is not a list name (1..32 of a-z, 0-9, _)");
        }
        return t;
    }

    private static String limit(String s, int max, String what) {
        if (s.length() > max) {
            throw new IllegalArgumentException(what + " is longer than " + max + " characters");
        }
        return s;
    }
}
