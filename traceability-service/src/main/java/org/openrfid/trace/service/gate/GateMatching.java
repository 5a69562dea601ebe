package org.openrfid.trace.service.gate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The comparison every reconciler makes: expected pallets (by SSCC), units (by EPC) and GTIN quantities
 * against what a gate transaction holds. A pallet expected covers the cases the registry has in it; a
 * GTIN quantity is met by that many goods items of the GTIN not already expected one by one.
 */
public final class GateMatching {

    /** matched, missing (expected, not read) and unexpected (read, not expected). */
    public record Result(List<GateItem> matched, List<GateItem> missing, List<GateItem> unexpected) {
    }

    private GateMatching() {
    }

    public static Result compare(Set<String> expectedSsccs, Set<String> expectedEpcs, Map<String, Integer> expectedGtins, GateContents contents) {
        List<GateItem> matched = new ArrayList<>();
        List<GateItem> missing = new ArrayList<>();
        List<GateItem> unexpected = new ArrayList<>();
        Set<String> ssccsRead = new HashSet<>();
        Set<String> epcsRead = new HashSet<>();
        Map<String, List<GateItem>> byGtin = new LinkedHashMap<>();
        for (GateItem item : contents.items()) {
            boolean byEpc = item.epc() != null && expectedEpcs.contains(item.epc());
            if (item.epc() != null) {
                epcsRead.add(item.epc());
            }
            if (item.kind().equals(GateItem.PALLET)) {
                ssccsRead.add(item.id());
                (expectedSsccs.contains(item.id()) || byEpc ? matched : unexpected).add(item);
            } else if (byEpc) {
                matched.add(item);
            } else if (item.kind().equals(GateItem.GOODS) && item.via() != null && expectedSsccs.contains(item.via())) {
                matched.add(item); // inside an expected pallet
            } else if (item.kind().equals(GateItem.GOODS) && item.gtin() != null && expectedGtins.containsKey(item.gtin())) {
                byGtin.computeIfAbsent(item.gtin(), g -> new ArrayList<>()).add(item);
            } else {
                unexpected.add(item);
            }
        }
        for (String sscc : expectedSsccs) {
            if (!ssccsRead.contains(sscc)) {
                missing.add(GateItem.unit(GateItem.PALLET, sscc, null));
            }
        }
        for (String epc : expectedEpcs) {
            if (!epcsRead.contains(epc)) {
                missing.add(GateItem.unit(GateItem.TAG, epc, epc));
            }
        }
        Map<String, Integer> counted = new HashMap<>();
        byGtin.forEach((g, list) -> counted.put(g, list.size()));
        expectedGtins.forEach((gtin, want) -> {
            int have = counted.getOrDefault(gtin, 0);
            if (have > 0) {
                matched.add(GateItem.gtin(gtin, Math.min(have, want)));
            }
            if (have < want) {
                missing.add(GateItem.gtin(gtin, want - have));
            } else if (have > want) {
                unexpected.add(GateItem.gtin(gtin, have - want));
            }
        });
        return new Result(matched, missing, unexpected);
    }
}
