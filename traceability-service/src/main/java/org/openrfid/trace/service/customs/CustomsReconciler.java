package org.openrfid.trace.service.customs;

import java.util.ArrayList;
import java.util.Comparator;
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
import org.openrfid.trace.service.gate.Reconciliation;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.watchlist.Watchlist;

/**
 * A port gate transaction against the declaration of its truck or container: PASS when what was read
 * is what was declared, INSPECT when goods are missing or undeclared, HOLD when the declaration is held
 * or an undeclared unit is on a watchlist. The declaration is the truck's (by plate), else the
 * container's, else the one declaring most of the units read. A passing transaction on the way out
 * makes the declaration EXITED.
 */
public class CustomsReconciler implements GateReconciler {

    public static final String PORT_GATE = "port_gate";
    public static final String EXPECTATION = "customs_declaration";
    public static final String PASS = "PASS";
    public static final String INSPECT = "INSPECT";
    public static final String HOLD = "HOLD";

    private final Declarations declarations;
    private final Watchlist watchlist;

    public CustomsReconciler(Declarations declarations, Watchlist watchlist) {
        this.declarations = declarations;
        this.watchlist = watchlist;
    }

    @Override
    public String locationKind() {
        return PORT_GATE;
    }

    @Override
    public Reconciliation reconcile(GateContents c) {
        Declaration d = declarationOf(c);
        List<GateItem> watchlisted = watchlisted(c);
        List<String> reasons = new ArrayList<>();
        if (d == null) {
            List<GateItem> goods = c.items();
            String verdict = !watchlisted.isEmpty() ? HOLD : goods.isEmpty() ? PASS : INSPECT;
            reasons.add(goods.isEmpty() ? "no goods on board and no declaration" : "no declaration for the truck, container or goods read");
            if (!watchlisted.isEmpty()) {
                reasons.add(watchlisted.size() + " undeclared units are on a watchlist");
            }
            return verdict(null, List.of(), List.of(), goods, verdict, reasons);
        }
        Map<String, Integer> gtins = new LinkedHashMap<>();
        d.gtins().forEach(g -> gtins.put(g.gtin(), g.quantity()));
        GateMatching.Result r = GateMatching.compare(new HashSet<>(d.ssccs()), new HashSet<>(d.epcs()), gtins, c);
        Set<String> flagged = new HashSet<>();
        watchlisted.forEach(w -> flagged.add(w.key()));
        List<GateItem> undeclaredListed = r.unexpected().stream().filter(u -> flagged.contains(u.key())).toList();
        String verdict;
        if (d.status() == DeclarationStatus.HELD) {
            verdict = HOLD;
            reasons.add("declaration " + d.number() + " is held");
        } else if (!undeclaredListed.isEmpty()) {
            verdict = HOLD;
            reasons.add(undeclaredListed.size() + " undeclared units are on a watchlist");
        } else if (!r.missing().isEmpty() || !r.unexpected().isEmpty()) {
            verdict = INSPECT;
        } else {
            verdict = PASS;
        }
        if (!r.missing().isEmpty()) {
            reasons.add(r.missing().size() + " declared units not read");
        }
        if (!r.unexpected().isEmpty()) {
            reasons.add(r.unexpected().size() + " units read but not declared");
        }
        if (verdict.equals(PASS)) {
            reasons.add("read as declared in " + d.number());
        }
        return verdict(d.number(), r.matched(), r.missing(), r.unexpected(), verdict, reasons);
    }

    private static Reconciliation verdict(String number, List<GateItem> matched, List<GateItem> missing, List<GateItem> unexpected,
                                          String verdict, List<String> reasons) {
        // CBV: a hold segregates for review (holding), an inspection checks (inspecting), a pass departs.
        String bizStep = switch (verdict) {
            case HOLD -> "holding";
            case INSPECT -> "inspecting";
            default -> "departing";
        };
        String disposition = switch (verdict) {
            case HOLD -> "non_conformant";
            case INSPECT -> missing.stream().allMatch(m -> m.kind().equals(GateItem.GTIN)) && unexpected.isEmpty()
                    ? "mismatch_quantity" : "mismatch_instance";
            default -> "in_transit";
        };
        return new Reconciliation(number == null ? null : EXPECTATION, number, matched, missing, unexpected, verdict, bizStep, disposition,
                reasons);
    }

    private Declaration declarationOf(GateContents c) {
        String plate = c.vehicle() == null ? null : c.vehicle().id();
        List<String> ssccs = c.itemsOf(GateItem.PALLET).stream().map(GateItem::id).toList();
        List<String> epcs = c.items().stream().map(GateItem::epc).filter(e -> e != null).toList();
        List<Declaration> candidates = declarations.candidates(plate, c.container(), ssccs, epcs);
        if (candidates.isEmpty()) {
            return null;
        }
        Set<String> read = new HashSet<>(ssccs);
        read.addAll(epcs);
        // The open declaration first, then the truck's, the container's, the one declaring most of what was read.
        Comparator<Declaration> best = Comparator.comparing((Declaration d) -> d.status() != DeclarationStatus.EXITED)
                .thenComparing(d -> plate != null && plate.equals(d.truckPlate()))
                .thenComparing(d -> c.container() != null && c.container().equals(d.container()))
                .thenComparingLong(d -> d.ssccs().stream().filter(read::contains).count() + d.epcs().stream().filter(read::contains).count());
        return candidates.stream().max(best).orElseThrow();
    }

    /** Read pallets and goods with an active watchlist entry (any list) at the transaction's start. */
    private List<GateItem> watchlisted(GateContents c) {
        Set<String> pallets = watchlist.activeObjects(ObjectKind.PALLET, c.start());
        Set<String> goods = watchlist.activeObjects(ObjectKind.GOODS, c.start());
        return c.items().stream().filter(i -> i.kind().equals(GateItem.PALLET) && pallets.contains(i.id())
                || i.kind().equals(GateItem.GOODS) && goods.contains(i.id())).toList();
    }

    @Override
    public void recorded(GateTransaction t) {
        Reconciliation r = t.reconciliation();
        if (r.expectationId() == null) {
            return;
        }
        declarations.find(r.expectationId()).ifPresent(d -> {
            declarations.append(new DeclarationEvent(0, d.number(), t.contents().end(), "GATE", r.verdict() + " at "
                    + t.contents().locationId() + ": " + String.join("; ", r.reasons()), "system", t.id()));
            boolean leaving = "OUT".equals(t.contents().direction());
            if (r.verdict().equals(PASS) && leaving && d.status() != DeclarationStatus.HELD && d.status() != DeclarationStatus.EXITED) {
                declarations.save(d.withStatus(DeclarationStatus.EXITED));
                declarations.append(new DeclarationEvent(0, d.number(), t.contents().end(), "EXIT", "left through "
                        + t.contents().locationId(), "system", t.id()));
            }
        });
    }
}
