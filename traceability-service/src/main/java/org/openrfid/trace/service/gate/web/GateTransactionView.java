package org.openrfid.trace.service.gate.web;

import java.time.Instant;
import java.util.List;
import org.openrfid.trace.service.gate.GateItem;
import org.openrfid.trace.service.gate.GateTransaction;

/**
 * A gate transaction as the REST API shows it: where and when, what passed (vehicle, container,
 * items), the three lists and the verdict, and (on one transaction's page) what it was compared with.
 */
public record GateTransactionView(String id, String locationId, String locationName, String locationKind, String direction, Instant start,
                                  Instant end, GateItem vehicle, String container, List<GateItem> items, String verdict,
                                  String expectationKind, String expectationId, List<GateItem> matched, List<GateItem> missing,
                                  List<GateItem> unexpected, List<String> reasons, Instant recordedAt, Object expected) {

    public static GateTransactionView of(GateTransaction t, Object expected) {
        var c = t.contents();
        var r = t.reconciliation();
        return new GateTransactionView(t.id(), c.locationId(), c.locationName(), c.locationKind(), c.direction(), c.start(), c.end(),
                c.vehicle(), c.container(), c.items(), r.verdict(), r.expectationKind(), r.expectationId(), r.matched(), r.missing(),
                r.unexpected(), r.reasons(), t.recordedAt(), expected);
    }

    /** One page; {@code nextCursor} is null on the last. */
    public record Page(List<GateTransactionView> items, String nextCursor, int limit) {
    }
}
