package org.openrfid.trace.service.logistics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openrfid.trace.service.gate.GateContents;
import org.openrfid.trace.service.gate.GateItem;
import org.openrfid.trace.service.gate.GateMatching;
import org.openrfid.trace.service.gate.GateReconciler;
import org.openrfid.trace.service.gate.GateTransaction;
import org.openrfid.trace.service.gate.GateTransactionStore;
import org.openrfid.trace.service.gate.Reconciliation;

/**
 * A dock door transaction against the shipment expected there at that time. Forklifts bring a
 * shipment in several loads, so matched and missing count every transaction of the shipment so far
 * (the last load shows the shipment COMPLETE), while unexpected is what this load brought that the
 * shipment does not list. Verdicts: COMPLETE, INCOMPLETE (still missing units), MISMATCH (unexpected
 * units), NO_SHIPMENT (nothing expected at the door then).
 */
public class LogisticsReconciler implements GateReconciler {

    public static final String DOCK_DOOR = "dock_door";
    public static final String EXPECTATION = "shipment";
    public static final String COMPLETE = "COMPLETE";
    public static final String INCOMPLETE = "INCOMPLETE";
    public static final String MISMATCH = "MISMATCH";
    public static final String NO_SHIPMENT = "NO_SHIPMENT";

    private final Shipments shipments;
    private final GateTransactionStore transactions;

    public LogisticsReconciler(Shipments shipments, GateTransactionStore transactions) {
        this.shipments = shipments;
        this.transactions = transactions;
    }

    @Override
    public String locationKind() {
        return DOCK_DOOR;
    }

    @Override
    public Reconciliation reconcile(GateContents c) {
        String step = "OUT".equals(c.direction()) ? "shipping" : "receiving";
        List<Shipment> expected = shipments.expectedAt(c.locationId(), c.start());
        if (expected.isEmpty()) {
            return new Reconciliation(null, null, List.of(), List.of(), c.items(), NO_SHIPMENT, "OUT".equals(c.direction()) ? "departing" : "arriving",
                    null, List.of("no shipment expected at " + c.locationId() + " at " + c.start()));
        }
        Shipment s = best(expected, c);
        Set<String> ssccs = new HashSet<>(s.ssccs());
        Set<String> sgtins = new HashSet<>(s.sgtins());
        GateMatching.Result now = GateMatching.compare(ssccs, sgtins, Map.of(), c);
        GateMatching.Result sofar = GateMatching.compare(ssccs, sgtins, Map.of(), withEarlierLoads(s, c));
        List<String> reasons = new ArrayList<>();
        String verdict = !now.unexpected().isEmpty() ? MISMATCH : !sofar.missing().isEmpty() ? INCOMPLETE : COMPLETE;
        if (!now.unexpected().isEmpty()) {
            reasons.add(now.unexpected().size() + " units not in shipment " + s.id());
        }
        reasons.add(sofar.missing().isEmpty() ? "every unit of shipment " + s.id() + " has passed"
                : sofar.missing().size() + " units of shipment " + s.id() + " not yet seen");
        String disposition = switch (verdict) {
            case COMPLETE -> "completeness_verified";
            case INCOMPLETE -> "in_progress";
            default -> "mismatch_instance";
        };
        return new Reconciliation(EXPECTATION, s.id(), sofar.matched(), sofar.missing(), now.unexpected(), verdict, step, disposition, reasons);
    }

    /** Of overlapping windows, the shipment that expects most of what was read. */
    private static Shipment best(List<Shipment> expected, GateContents c) {
        Shipment best = expected.get(0);
        long bestHits = -1;
        for (Shipment s : expected) {
            long hits = c.items().stream().filter(i -> i.kind().equals(GateItem.PALLET) && s.ssccs().contains(i.id())
                    || i.epc() != null && s.sgtins().contains(i.epc())).count();
            if (hits > bestHits) {
                best = s;
                bestHits = hits;
            }
        }
        return best;
    }

    /** The contents with the units of the shipment's earlier transactions added. */
    private GateContents withEarlierLoads(Shipment s, GateContents c) {
        Map<String, GateItem> items = new LinkedHashMap<>();
        GateTransactionStore.Cursor after = null;
        List<GateTransaction> page;
        do {
            page = transactions.find(new GateTransactionStore.Query(Set.of(DOCK_DOOR), null, null, null, null, EXPECTATION, s.id()), after, 200);
            for (GateTransaction t : page) {
                t.contents().items().forEach(i -> items.putIfAbsent(i.key(), i));
                after = new GateTransactionStore.Cursor(t.contents().end(), t.id());
            }
        } while (page.size() == 200);
        c.items().forEach(i -> items.putIfAbsent(i.key(), i));
        return new GateContents(c.locationId(), c.locationName(), c.locationKind(), c.direction(), c.start(), c.end(), c.vehicle(),
                c.container(), List.copyOf(items.values()), c.passages());
    }
}
