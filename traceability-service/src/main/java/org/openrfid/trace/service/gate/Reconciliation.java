package org.openrfid.trace.service.gate;

import java.util.List;
import java.util.Objects;

/**
 * A gate transaction compared with what was expected there.
 *
 * @param expectationKind what was compared with ({@code customs_declaration}, {@code shipment}, {@code loans}), or null when nothing was expected
 * @param expectationId   its id (declaration number, shipment id), or null
 * @param verdict         the reconciler's word: PASS / INSPECT / HOLD at a port gate, COMPLETE / INCOMPLETE / MISMATCH / NO_SHIPMENT at a dock door
 * @param bizStep         CBV 2.0 bizStep of the transaction's EPCIS ObjectEvent (bare word)
 * @param disposition     CBV 2.0 disposition of that event (bare word), or null
 * @param reasons         why the verdict, in words a gate officer reads
 */
public record Reconciliation(String expectationKind, String expectationId, List<GateItem> matched, List<GateItem> missing,
                             List<GateItem> unexpected, String verdict, String bizStep, String disposition, List<String> reasons) {

    public Reconciliation {
        matched = List.copyOf(matched);
        missing = List.copyOf(missing);
        unexpected = List.copyOf(unexpected);
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(bizStep, "bizStep");
        reasons = List.copyOf(reasons);
    }
}
