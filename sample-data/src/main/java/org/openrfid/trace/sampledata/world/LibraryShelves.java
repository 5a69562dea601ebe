package org.openrfid.trace.sampledata.world;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo library's circulation on top of {@link DemoWorld}: two shelves in the library, a home shelf for
 * the last {@value #PER_SHELF}·2 shelved items, loans (pseudonymous patrons) behind the items the world has
 * on loan, and one labelled shelf scan of {@link #SHELF_A}: every book at home there is read except
 * {@link #missing()}, and {@link #misplaced()} (a book of {@link #SHELF_B}) is read there too. A shelf
 * inventory of that scan must report exactly those two. Derived from the world's files alone, so the
 * labels hold for whatever library-items.csv holds.
 */
public record LibraryShelves(List<Location> shelves, Map<String, String> homeByBarcode, List<Loan> loans, List<String> scanEpcs,
                             String missing, String misplaced) {

    public static final String SHELF_A = WorldBuilder.LIBRARY + "-S1";
    public static final String SHELF_B = WorldBuilder.LIBRARY + "-S2";
    static final int PER_SHELF = 12;
    static final int LOANS = 40;

    /** A loan as the library system records it: a patron's pseudonym (never a name), the item, its due date. */
    public record Loan(String barcode, String patron, String dueDate) {
    }

    public static LibraryShelves of(DemoWorld world) {
        Location library = world.locations().stream().filter(l -> l.id().equals(WorldBuilder.LIBRARY)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the demo world has no " + WorldBuilder.LIBRARY));
        List<Location> shelves = List.of(
                new Location(SHELF_A, "书架 A Shelf A (fiction)", LocationKind.LIBRARY, library.lat() + 0.0001, library.lon(), library.id()),
                new Location(SHELF_B, "书架 B Shelf B (science)", LocationKind.LIBRARY, library.lat() + 0.0001, library.lon() + 0.0001,
                        library.id()));
        List<LibraryItem> shelved = world.libraryItems().stream().filter(i -> i.status().equals(LibraryItem.ON_SHELF)).toList();
        if (shelved.size() < 2 * PER_SHELF) {
            throw new IllegalStateException("the demo library needs " + 2 * PER_SHELF + " shelved items, it has " + shelved.size());
        }
        // The last shelved items: the gate flow carries the first ones out unchecked, these stay on their shelves.
        List<LibraryItem> homed = shelved.subList(shelved.size() - 2 * PER_SHELF, shelved.size());
        Map<String, String> home = new LinkedHashMap<>();
        for (int i = 0; i < homed.size(); i++) {
            home.put(homed.get(i).barcode(), i < PER_SHELF ? SHELF_A : SHELF_B);
        }
        LibraryItem missing = homed.get(PER_SHELF / 2); // on shelf A, not read
        LibraryItem misplaced = homed.get(PER_SHELF + 1); // shelved on B, read on A
        List<String> scan = new ArrayList<>();
        for (int i = 0; i < PER_SHELF; i++) {
            if (homed.get(i) != missing) {
                scan.add(homed.get(i).epc());
            }
        }
        scan.add(misplaced.epc());
        List<Loan> loans = new ArrayList<>();
        List<LibraryItem> out = world.libraryItems().stream().filter(i -> i.status().equals(LibraryItem.ON_LOAN)).toList();
        for (int i = 0; i < Math.min(LOANS, out.size()); i++) {
            LibraryItem item = out.get(i);
            loans.add(new Loan(item.barcode(), String.format("P-%05d", 10_007 * (i + 1) % 100_000), item.dueDate()));
        }
        return new LibraryShelves(shelves, home, List.copyOf(loans), List.copyOf(scan), missing.barcode(), misplaced.barcode());
    }
}
