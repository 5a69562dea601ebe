package org.openrfid.trace.web.alerts;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.openrfid.trace.service.alert.AlertStatus;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.registry.binding.ObjectKind;

/**
 * The inbox's GET form as typed values. The period's fields are local date-times of the console's zone
 * (what {@code <input type=datetime-local>} sends); a value that is not one of the form's choices is
 * ignored rather than an error page, as a person editing the address bar expects.
 */
public record AlertInboxFilter(AlertStatus status, AlertType type, ObjectKind objectKind, String location, String from, String to,
                        Instant fromAt, Instant toAt) {

    static AlertInboxFilter of(String status, String type, String objectKind, String location, String from, String to, ZoneId zone) {
        return new AlertInboxFilter(parse(AlertStatus.class, status), parse(AlertType.class, type), parse(ObjectKind.class, objectKind),
                blankToNull(location), blankToNull(from), blankToNull(to), local(from, zone), local(to, zone));
    }

    /** Whether the filter says anything (an empty inbox reads differently then). */
    public boolean any() {
        return status != null || type != null || objectKind != null || location != null || fromAt != null || toAt != null;
    }

    /** What the audit trail records of the filter, as the API does. */
    String auditText() {
        StringBuilder sb = new StringBuilder();
        for (Object p : new Object[] {status, type, objectKind, location, from, to}) {
            if (p != null) {
                sb.append(sb.length() == 0 ? "" : " ").append(p);
            }
        }
        return sb.length() == 0 ? "all" : sb.toString();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Instant local(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.trim()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
