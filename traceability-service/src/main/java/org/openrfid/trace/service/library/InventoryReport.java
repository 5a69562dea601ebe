package org.openrfid.trace.service.library;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.openrfid.trace.service.registry.library.LibraryItem;

/**
 * What a shelf inventory found, item by item, plus the tags read that belong to no library item.
 * Expected on the shelf are the items whose home it is, except those out on loan or withdrawn.
 */
public record InventoryReport(List<InventoryFinding> findings, List<String> unknownEpcs) {

    private static final Set<String> NOT_EXPECTED = Set.of("on_loan", "withdrawn", "lost");

    /**
     * @param location the inventory's location id
     * @param homed    the items whose home location is {@code location}
     * @param read     the items read there (whatever their home)
     */
    public static InventoryReport of(String location, Collection<LibraryItem> homed, Collection<LibraryItem> read, Collection<String> unknownEpcs) {
        Map<String, InventoryFinding> findings = new LinkedHashMap<>();
        Set<String> seen = new TreeSet<>();
        for (LibraryItem item : read) {
            seen.add(item.itemId());
            InventoryOutcome outcome = item.loanStatus().equals("on_loan") ? InventoryOutcome.CHECKED_OUT
                    : item.homeLocation() != null && !item.homeLocation().equals(location) ? InventoryOutcome.MISPLACED
                    : InventoryOutcome.PRESENT;
            findings.put(item.itemId(), finding(item, outcome));
        }
        for (LibraryItem item : homed) {
            if (!seen.contains(item.itemId()) && !NOT_EXPECTED.contains(item.loanStatus())) {
                findings.put(item.itemId(), finding(item, InventoryOutcome.MISSING));
            }
        }
        List<InventoryFinding> sorted = new ArrayList<>(findings.values());
        sorted.sort(Comparator.comparing(InventoryFinding::outcome).thenComparing(InventoryFinding::itemId));
        return new InventoryReport(List.copyOf(sorted), List.copyOf(new TreeSet<>(unknownEpcs)));
    }

    public List<String> itemIds(InventoryOutcome outcome) {
        return findings.stream().filter(f -> f.outcome() == outcome).map(InventoryFinding::itemId).toList();
    }

    private static InventoryFinding finding(LibraryItem item, InventoryOutcome outcome) {
        return new InventoryFinding(item.itemId(), outcome, item.homeLocation(), item.loanStatus());
    }
}
