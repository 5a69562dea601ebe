package org.openrfid.trace.web.admin;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openrfid.trace.service.audit.AuditFilter;

/**
 * The audit page's filter as typed: user, subject (contains), action, and a period in the console's
 * zone ({@code datetime-local} fields). What cannot be read is a problem next to its field (message key),
 * never an error page; the trail is then shown unfiltered by that field.
 */
public record AuditPageFilter(String user, String subject, String action, String from, String to, ZoneId zone) {

    private static final int MAX_TEXT = 200;

    public AuditPageFilter {
        user = clean(user);
        subject = clean(subject);
        action = clean(action);
        from = clean(from);
        to = clean(to);
    }

    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : Map.of("user", user, "subject", subject, "action", action).entrySet()) {
            if (e.getValue().length() > MAX_TEXT) {
                problems.put(e.getKey(), "audit.problem.tooLong");
            }
        }
        if (!from.isEmpty() && instant(from) == null) {
            problems.put("from", "audit.problem.time");
        }
        if (!to.isEmpty() && instant(to) == null) {
            problems.put("to", "audit.problem.time");
        }
        Instant f = instant(from);
        Instant t = instant(to);
        if (f != null && t != null && !t.isAfter(f)) {
            problems.put("to", "audit.problem.order");
        }
        return problems;
    }

    /** The store's filter: fields with a problem are left out. */
    public AuditFilter toFilter() {
        Map<String, String> problems = problems();
        return new AuditFilter(use(user, "user", problems), use(subject, "subject", problems), use(action, "action", problems),
                problems.containsKey("from") || problems.containsKey("to") ? null : instant(from),
                problems.containsKey("to") || problems.containsKey("from") ? null : instant(to));
    }

    /** The filter as query parameters, for the next page and the CSV link. */
    public Map<String, String> params() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("user", user);
        p.put("subject", subject);
        p.put("action", action);
        p.put("from", from);
        p.put("to", to);
        return p;
    }

    /** How an export is described in the trail (what was asked, not what came back). */
    public String auditText() {
        StringBuilder b = new StringBuilder("audit");
        params().forEach((k, v) -> {
            if (!v.isEmpty()) {
                b.append(' ').append(k).append('=').append(v);
            }
        });
        return b.toString();
    }

    private Instant instant(String local) {
        if (local.isEmpty()) {
            return null;
        }
        try {
            return LocalDateTime.parse(local).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String use(String value, String field, Map<String, String> problems) {
        return value.isEmpty() || problems.containsKey(field) ? null : value;
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }
}
