package org.openrfid.trace.sampledata.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The demo library's shelves and the labelled scan: exactly one book missing from shelf A and one misplaced on it. */
class LibraryShelvesUnitTests {

    final DemoWorld world = DemoWorld.load();
    final LibraryShelves shelves = LibraryShelves.of(world);

    @Test
    void theScanOfShelfAMissesExactlyTheLabelledBookAndReadsExactlyTheLabelledStranger() {
        Map<String, String> epcToBarcode = world.libraryItems().stream().collect(Collectors.toMap(LibraryItem::epc, LibraryItem::barcode));
        Set<String> read = shelves.scanEpcs().stream().map(epcToBarcode::get).collect(Collectors.toSet());
        Set<String> homeA = shelves.homeByBarcode().entrySet().stream().filter(e -> e.getValue().equals(LibraryShelves.SHELF_A))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        assertThat(homeA).hasSize(12).contains(shelves.missing());
        assertThat(homeA.stream().filter(b -> !read.contains(b))).containsExactly(shelves.missing());
        assertThat(read.stream().filter(b -> !homeA.contains(b))).containsExactly(shelves.misplaced());
        assertThat(shelves.homeByBarcode()).containsEntry(shelves.misplaced(), LibraryShelves.SHELF_B);
        // Both are on the shelf (not on loan), so an inventory calls them missing and misplaced, not checked out.
        assertThat(world.libraryItems()).filteredOn(i -> i.barcode().equals(shelves.missing()) || i.barcode().equals(shelves.misplaced()))
                .hasSize(2).allMatch(i -> i.status().equals(LibraryItem.ON_SHELF));
    }

    @Test
    void loansAreForItemsOnLoanWithPseudonymousPatrons() {
        Set<String> onLoan = world.libraryItems().stream().filter(i -> i.status().equals(LibraryItem.ON_LOAN)).map(LibraryItem::barcode)
                .collect(Collectors.toSet());
        assertThat(shelves.loans()).isNotEmpty().allSatisfy(l -> {
            assertThat(onLoan).contains(l.barcode());
            assertThat(l.patron()).matches("P-\\d{5}");
            assertThat(l.dueDate()).isNotBlank();
        });
        assertThat(shelves.shelves()).extracting(Location::parent).containsOnly(WorldBuilder.LIBRARY);
    }
}
