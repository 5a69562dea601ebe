package org.openrfid.trace.web.customs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openrfid.trace.service.customs.Declaration;
import org.openrfid.trace.service.customs.GtinQuantity;
import org.openrfid.trace.service.gate.GateItem;
import org.openrfid.trace.service.gate.GateTransaction;

/**
 * A declaration beside what its latest port gate transaction read: every declared line (pallet by SSCC,
 * unit by EPC, GTIN with count) with whether it was read, and what was read without being declared.
 *
 * @param latest the newest gate transaction compared with it, or null when none was yet
 */
record DeclarationView(Declaration declaration, List<Line> declared, List<Line> undeclared, GateTransaction latest) {

    /**
     * @param kind     the message key suffix of what it is (PALLET, TAG, GTIN, GOODS…)
     * @param label    what a person reads: SSCC, EPC, GTIN
     * @param wanted   how many were declared (1 for a unit)
     * @param read     how many were read at the gate (0 before any transaction)
     * @param state    READ, MISSING, SHORT (a GTIN count partly read), NOT_YET (no transaction), UNDECLARED
     */
    record Line(String kind, String label, int wanted, int read, String state) {
    }

    static DeclarationView of(Declaration d, GateTransaction latest) {
        List<GateItem> matched = latest == null ? List.of() : latest.reconciliation().matched();
        List<GateItem> unexpected = latest == null ? List.of() : latest.reconciliation().unexpected();
        List<Line> declared = new ArrayList<>();
        for (String sscc : d.ssccs()) {
            boolean read = matched.stream().anyMatch(i -> i.kind().equals(GateItem.PALLET) && i.id().equals(sscc));
            declared.add(new Line(GateItem.PALLET, sscc, 1, read ? 1 : 0, state(latest, read ? 1 : 0, 1)));
        }
        for (String epc : d.epcs()) {
            boolean read = matched.stream().anyMatch(i -> epc.equals(i.epc()));
            declared.add(new Line(GateItem.TAG, epc, 1, read ? 1 : 0, state(latest, read ? 1 : 0, 1)));
        }
        Map<String, Integer> gtinsRead = matched.stream().filter(i -> i.kind().equals(GateItem.GTIN))
                .collect(Collectors.toMap(GateItem::id, GateItem::quantity, Integer::sum));
        for (GtinQuantity g : d.gtins()) {
            int read = gtinsRead.getOrDefault(g.gtin(), 0);
            declared.add(new Line(GateItem.GTIN, g.gtin(), g.quantity(), read, state(latest, read, g.quantity())));
        }
        List<Line> undeclared = unexpected.stream().map(i -> new Line(i.kind(), label(i), i.quantity(), i.quantity(), "UNDECLARED")).toList();
        return new DeclarationView(d, declared, undeclared, latest);
    }

    private static String state(GateTransaction latest, int read, int wanted) {
        if (latest == null) {
            return "NOT_YET";
        }
        return read >= wanted ? "READ" : read == 0 ? "MISSING" : "SHORT";
    }

    /** Goods by their GTIN and tag, a tag by its EPC, a pallet by its SSCC: never the registry's internal id alone. */
    static String label(GateItem i) {
        Function<String, String> orId = s -> s != null ? s : i.id();
        return switch (i.kind()) {
            case GateItem.GOODS -> i.gtin() != null ? i.gtin() + (i.epc() != null ? " · " + i.epc() : "") : orId.apply(i.epc());
            case GateItem.TAG -> orId.apply(i.epc());
            default -> i.id();
        };
    }
}
