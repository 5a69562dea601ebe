package org.openrfid.trace.sampledata.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openrfid.trace.sampledata.csv.Csv;
import org.openrfid.trace.sampledata.world.Consignment;
import org.openrfid.trace.sampledata.world.DemoWorld;
import org.openrfid.trace.sampledata.world.Pallet;
import org.openrfid.trace.sampledata.world.Vehicle;

/**
 * The demo's customs declarations and expected shipments, and what each gate check must find
 * (demo/gate-checks.csv), from what the scenario sends through the port gate and the dock doors:
 * the cleared consignment's declaration names one pallet more than its truck carries (INSPECT, that
 * SSCC missing), the held consignment's declaration is held (HOLD), the other consignments are
 * declared and stay away from the gate; each dock door expects the pallets the scenario moves through it,
 * load by load INCOMPLETE and COMPLETE with the last.
 */
final class TradeDocuments {

    /** A truck through the port gate with the pallets of one consignment, or a load through a dock door. */
    record GateVisit(long offsetMs, String location, Vehicle truck, Consignment consignment, List<Pallet> pallets) {
    }

    /** The three files' contents. */
    record Files(String declarations, String shipments, String gateChecks) {
    }

    static final String HOLD_REASON = "X-ray image does not match the declared goods";
    /** Expected windows are offsets from the demo's start: the demo loads them relative to when it starts. */
    static final long WINDOW_END_MS = 24 * 3_600_000L;

    private final DemoWorld world;

    TradeDocuments(DemoWorld world) {
        this.world = world;
    }

    Files render(List<GateVisit> portGate, List<GateVisit> dockLoads) {
        List<String[]> declarations = new ArrayList<>();
        List<String[]> checks = new ArrayList<>();
        List<String> atGate = portGate.stream().map(v -> v.consignment().id()).toList();
        for (Consignment c : world.consignments()) {
            List<Pallet> all = pallets(c);
            String number = "DEMO-CD-" + c.id().substring(c.id().length() - 4);
            GateVisit visit = portGate.stream().filter(v -> v.consignment().id().equals(c.id())).findFirst().orElse(null);
            if (visit == null) {
                boolean held = c.customsStatus().equals(Consignment.HOLD);
                declarations.add(row(number, c, "", held ? "HELD" : status(c), all, held ? "customs hold on " + c.id() : ""));
                continue;
            }
            List<String> carried = visit.pallets().stream().map(Pallet::sscc).toList();
            if (c.customsStatus().equals(Consignment.HOLD)) {
                declarations.add(row(number, c, visit.truck().plate(), "HELD", visit.pallets(), HOLD_REASON));
                checks.add(new String[] {Long.toString(visit.offsetMs()), visit.location(), number, "HOLD", "",
                        "declaration held (" + HOLD_REASON + "); truck " + visit.truck().plate() + " with " + String.join(";", carried)});
            } else {
                Pallet left = all.stream().filter(p -> !carried.contains(p.sscc())).findFirst().orElseThrow();
                List<Pallet> declared = new ArrayList<>(visit.pallets());
                declared.add(left);
                declarations.add(row(number, c, visit.truck().plate(), "CLEARED", declared, ""));
                checks.add(new String[] {Long.toString(visit.offsetMs()), visit.location(), number, "INSPECT", left.sscc(),
                        "declared pallet SSCC " + left.sscc() + " was not loaded on truck " + visit.truck().plate()});
            }
        }
        List<String[]> shipments = new ArrayList<>();
        for (String door : dockLoads.stream().map(GateVisit::location).distinct().toList()) {
            List<GateVisit> loads = dockLoads.stream().filter(v -> v.location().equals(door)).toList();
            String id = "DEMO-ASN-" + door;
            List<String> expected = loads.stream().flatMap(v -> v.pallets().stream()).map(Pallet::sscc).toList();
            shipments.add(new String[] {id, door, "0", Long.toString(WINDOW_END_MS), String.join(";", expected), ""});
            List<String> seen = new ArrayList<>();
            for (GateVisit load : loads) {
                load.pallets().forEach(p -> seen.add(p.sscc()));
                List<String> missing = expected.stream().filter(s -> !seen.contains(s)).toList();
                checks.add(new String[] {Long.toString(load.offsetMs()), door, id, missing.isEmpty() ? "COMPLETE" : "INCOMPLETE",
                        String.join(";", missing), seen.size() + " of " + expected.size() + " pallets seen"});
            }
        }
        checks.sort(java.util.Comparator.comparingLong((String[] r) -> Long.parseLong(r[0])).thenComparing(r -> r[1]));
        return new Files(
                csv(List.of("number", "consignment", "container", "truck_plate", "status", "epcs", "ssccs", "gtins", "hold_reason"), declarations),
                csv(List.of("id", "dock_door", "from_offset_ms", "to_offset_ms", "ssccs", "sgtins"), shipments),
                csv(List.of("offset_ms", "location", "expectation", "verdict", "missing", "detail"), checks));
    }

    private List<Pallet> pallets(Consignment c) {
        return world.pallets().stream().filter(p -> p.consignment().equals(c.id())).toList();
    }

    private static String status(Consignment c) {
        return c.customsStatus().toUpperCase(Locale.ROOT).equals("HOLD") ? "DECLARED" : c.customsStatus().toUpperCase(Locale.ROOT);
    }

    private static String[] row(String number, Consignment c, String plate, String status, List<Pallet> pallets, String reason) {
        return new String[] {number, c.id(), c.container(), plate, status, "", String.join(";", pallets.stream().map(Pallet::sscc).toList()), "",
                reason};
    }

    /** UTF-8 text (plates are Chinese), one row a line, fields escaped as every demo file is. */
    private static String csv(List<String> header, List<String[]> rows) {
        StringBuilder out = new StringBuilder(String.join(",", header)).append('\n');
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                out.append(i == 0 ? "" : ",").append(Csv.escape(r[i]));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
