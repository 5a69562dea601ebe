package org.openrfid.trace.service.library;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openrfid.trace.service.gate.GateContents;
import org.openrfid.trace.service.gate.GateItem;
import org.openrfid.trace.service.gate.GateReconciler;
import org.openrfid.trace.service.gate.Reconciliation;
import org.openrfid.trace.service.registry.library.LibraryItem;
import org.openrfid.trace.service.registry.library.LibraryItems;

/**
 * The library's use of the gate transaction: what went through a {@code library_gate} together is compared
 * with the loans. A book on loan may leave ({@code matched}); one that is not ({@code unexpected}) is what
 * the gate alarms for ({@code LIBRARY_UNCHECKED_EXIT} raises the alert itself, per passage): verdict
 * {@code PASS} when every item read is lent, {@code ALARM} otherwise. Nothing is {@code missing} at a gate:
 * no one announces which books will walk out. The loan status is the one the gate rule uses (the
 * registry's, or the library system's over SIP2 when that is on).
 */
public class LibraryGateReconciler implements GateReconciler {

    public static final String LIBRARY_GATE = "library_gate";

    private final LibraryItems items;
    private final GateCirculation circulation;

    public LibraryGateReconciler(LibraryItems items, GateCirculation circulation) {
        this.items = items;
        this.circulation = circulation;
    }

    @Override
    public String locationKind() {
        return LIBRARY_GATE;
    }

    @Override
    public Reconciliation reconcile(GateContents contents) {
        List<GateItem> lent = new ArrayList<>();
        List<GateItem> notLent = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (GateItem item : contents.itemsOf(GateItem.LIBRARY_ITEM)) {
            Optional<LibraryItem> known = items.find(item.id());
            String status = known.map(circulation::loanStatus).orElse("unknown");
            if ("on_loan".equals(status)) {
                lent.add(item);
            } else {
                notLent.add(item);
                reasons.add("item " + item.id() + known.map(i -> " '" + i.title() + "'").orElse("") + " is " + status.replace('_', ' ')
                        + ", not lent");
            }
        }
        boolean alarm = !notLent.isEmpty();
        // CBV 2.0: a lent book leaving is departing and in transit; one that was not lent leaves non-conformant
        return new Reconciliation("loans", null, lent, List.of(), notLent, alarm ? "ALARM" : "PASS", "departing",
                alarm ? "non_conformant" : "in_transit", reasons);
    }
}
