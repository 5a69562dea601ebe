package org.openrfid.trace.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.openrfid.trace.sampledata.world.DemoWorld;
import org.openrfid.trace.sampledata.world.LibraryShelves;
import org.openrfid.trace.service.library.Inventories;
import org.openrfid.trace.service.library.Inventory;
import org.openrfid.trace.service.library.Loans;
import org.openrfid.trace.service.library.ShelfInventory;
import org.openrfid.trace.service.location.Location;
import org.openrfid.trace.service.location.Locations;
import org.openrfid.trace.service.registry.library.LibraryItem;
import org.openrfid.trace.service.registry.library.LibraryItems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo library's circulation ({@link LibraryShelves}): its two shelves, the home shelf of the books on
 * them, the loans behind the books the world has out, and one finished inventory of shelf A whose report
 * names the labelled missing and misplaced books. Run after the library items are imported; a second start
 * adds nothing (loans only where none is open, the inventory only once).
 */
final class LibraryDemo {

    private static final Logger log = LoggerFactory.getLogger(LibraryDemo.class);

    private final Locations locations;
    private final LibraryItems items;
    private final Loans loans;
    private final ShelfInventory shelfInventory;
    private final Inventories inventories;
    private final Clock clock;

    LibraryDemo(Locations locations, LibraryItems items, Loans loans, ShelfInventory shelfInventory, Inventories inventories, Clock clock) {
        this.locations = locations;
        this.items = items;
        this.loans = loans;
        this.shelfInventory = shelfInventory;
        this.inventories = inventories;
        this.clock = clock;
    }

    void load() {
        LibraryShelves library = LibraryShelves.of(DemoWorld.load());
        locations.save(library.shelves().stream().map(l -> new Location(l.id(), l.name(), l.kind().name().toLowerCase(Locale.ROOT),
                l.lat(), l.lon(), l.parent())).toList());
        items.save(items.findAll(library.homeByBarcode().keySet()).stream().map(i -> new LibraryItem(i.itemId(), i.title(), i.callNumber(),
                i.homeLibrary(), i.loanStatus(), i.dueDate(), library.homeByBarcode().get(i.itemId()))).toList());
        int lent = 0;
        for (LibraryShelves.Loan loan : library.loans()) {
            if (loans.current(loan.barcode()).isEmpty()) {
                LocalDate due = LocalDate.parse(loan.dueDate());
                loans.open(loan.barcode(), loan.patron(), due.minusDays(21).atStartOfDay().toInstant(ZoneOffset.UTC), due, "demo");
                lent++;
            }
        }
        boolean inventoried = inventories.list(0, 100).stream().map(Inventory::locationId).anyMatch(LibraryShelves.SHELF_A::equals);
        if (!inventoried) {
            Inventory scan = shelfInventory.start(LibraryShelves.SHELF_A, null);
            shelfInventory.addReads(scan.id(), library.scanEpcs());
            shelfInventory.finish(scan.id());
        }
        log.info("Demo library: {} loans recorded, shelf inventory of {} {} (labelled missing {}, misplaced {}) at {}", lent,
                LibraryShelves.SHELF_A, inventoried ? "already there" : "made", library.missing(), library.misplaced(), clock.instant());
    }
}
