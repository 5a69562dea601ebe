package org.openrfid.trace.service.gate.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.openrfid.trace.service.gate.GateTransaction;
import org.openrfid.trace.service.gate.GateTransactionStore;
import org.openrfid.trace.service.platform.web.Cursors;
import org.openrfid.trace.service.platform.web.Limits;

/** The listing every feature's gate endpoint shares: parameters checked, one page, the cursor of the next. */
public final class GateQueries {

    private GateQueries() {
    }

    public static GateTransactionView.Page page(GateTransactionStore store, Set<String> kinds, String location, String from, String to,
                                                String verdict, String expectationKind, String cursor, int limit) {
        Limits.page(limit);
        Instant f = instant("from", from);
        Instant t = instant("to", to);
        if (f != null && t != null && !t.isAfter(f)) {
            throw new IllegalArgumentException("to: must be after from");
        }
        GateTransactionStore.Cursor after = null;
        if (cursor != null) {
            List<String> p = Cursors.decode(cursor, 2);
            after = new GateTransactionStore.Cursor(instant("cursor", p.get(0)), p.get(1));
        }
        String v = verdict == null || verdict.isBlank() ? null : verdict.trim().toUpperCase(java.util.Locale.ROOT);
        List<GateTransaction> found = store.find(new GateTransactionStore.Query(kinds, blank(location), f, t, v, expectationKind, null),
                after, limit + 1);
        boolean more = found.size() > limit;
        List<GateTransaction> items = more ? found.subList(0, limit) : found;
        GateTransaction last = items.isEmpty() ? null : items.get(items.size() - 1);
        return new GateTransactionView.Page(items.stream().map(x -> GateTransactionView.of(x, null)).toList(),
                more ? Cursors.encode(last.contents().end().toString(), last.id()) : null, limit);
    }

    /** One transaction at a gate of these kinds with what it was compared with, or null. */
    public static GateTransactionView one(GateTransactionStore store, Set<String> kinds, String id, Function<GateTransaction, Object> expected) {
        return store.find(id).filter(t -> kinds.contains(t.contents().locationKind()))
                .map(t -> GateTransactionView.of(t, expected.apply(t))).orElse(null);
    }

    static Instant instant(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": '" + text + "' is not an ISO-8601 instant such as 2025-06-02T08:00:00Z");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
