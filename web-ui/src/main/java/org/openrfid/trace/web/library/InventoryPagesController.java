package org.openrfid.trace.web.library;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openrfid.trace.service.library.Inventories;
import org.openrfid.trace.service.library.Inventory;
import org.openrfid.trace.service.library.InventoryFinding;
import org.openrfid.trace.service.library.InventoryOutcome;
import org.openrfid.trace.service.library.InventoryReport;
import org.openrfid.trace.service.library.ShelfInventory;
import org.openrfid.trace.service.registry.library.LibraryItem;
import org.openrfid.trace.service.registry.library.LibraryItems;
import org.openrfid.trace.web.console.DisplayNames;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Shelf inventories at the library desk: start one at a shelf, watch the count of tags read grow (pushed
 * by {@link InventoryCountStream}), finish it and read the report — missing and misplaced books by title
 * and shelf name.
 */
@Controller
class InventoryPagesController {

    private final ShelfInventory shelfInventory;
    private final Inventories inventories;
    private final LibraryItems items;
    private final DisplayNames names;
    private final InventoryCountStream counts;

    InventoryPagesController(ShelfInventory shelfInventory, Inventories inventories, LibraryItems items, DisplayNames names,
                             InventoryCountStream counts) {
        this.shelfInventory = shelfInventory;
        this.inventories = inventories;
        this.items = items;
        this.names = names;
        this.counts = counts;
    }

    /** One line of the report as a librarian reads it. */
    record Finding(String itemId, String title, String outcome, String homeName) {
    }

    @PostMapping("/library/inventories")
    String start(@RequestParam(required = false) String location) {
        try {
            Inventory started = shelfInventory.start(location, null);
            return "redirect:/library/inventories/" + started.id();
        } catch (IllegalArgumentException | ErrorResponseException e) {
            // the desk's shelf list offers registered shelves only: this is a shelf removed meanwhile
            return "redirect:/library?inventory=refused#inventory";
        }
    }

    @GetMapping("/library/inventories/{id}")
    String inventory(@PathVariable long id, Model model) {
        Inventory inventory = find(id);
        model.addAttribute("inv", inventory);
        model.addAttribute("shelfName", names.locationName(inventory.locationId()));
        model.addAttribute("count", counts.count(id));
        if (!inventory.open()) {
            InventoryReport report = shelfInventory.report(inventory);
            Map<String, LibraryItem> known = items.findAll(report.findings().stream().map(InventoryFinding::itemId).toList()).stream()
                    .collect(Collectors.toMap(LibraryItem::itemId, Function.identity()));
            List<Finding> findings = report.findings().stream()
                    .sorted(Comparator.comparing((InventoryFinding f) -> order(f.outcome())).thenComparing(InventoryFinding::itemId))
                    .map(f -> new Finding(f.itemId(), known.containsKey(f.itemId()) ? known.get(f.itemId()).title() : f.itemId(),
                            f.outcome().name(), f.homeLocation() == null ? "" : names.locationName(f.homeLocation())))
                    .toList();
            model.addAttribute("findings", findings);
            model.addAttribute("tally", findings.stream().collect(Collectors.groupingBy(Finding::outcome, Collectors.counting())));
            model.addAttribute("unknown", report.unknownEpcs().size());
        }
        return "library/inventory";
    }

    @GetMapping(path = "/library/inventories/{id}/stream", produces = "text/event-stream")
    SseEmitter stream(@PathVariable long id, Locale locale) {
        find(id);
        return counts.follow(id, locale);
    }

    @PostMapping("/library/inventories/{id}/finish")
    String finish(@PathVariable long id) {
        Inventory inventory = find(id);
        if (inventory.open()) {
            shelfInventory.finish(id);
        }
        return "redirect:/library/inventories/" + id;
    }

    /** What needs a librarian's walk first: missing, misplaced, then the rest. */
    private static int order(InventoryOutcome o) {
        return switch (o) {
            case MISSING -> 0;
            case MISPLACED -> 1;
            case CHECKED_OUT -> 2;
            case PRESENT -> 3;
        };
    }

    private Inventory find(long id) {
        return inventories.find(id).orElseThrow(() -> new NoSuchElementException("no shelf inventory " + id));
    }
}
