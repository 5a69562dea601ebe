package org.openrfid.trace.service.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.service.registry.library.LibraryItem;

/** How a shelf inventory judges each item from where it belongs, whether it was read and its loan status. */
class InventoryReportUnitTests {

    static LibraryItem item(String id, String status, String home) {
        return new LibraryItem(id, "Title " + id, null, null, status, status.equals("on_loan") ? LocalDate.parse("2026-04-01") : null, home);
    }

    final LibraryItem here = item("B-1", "on_shelf", "S1");
    final LibraryItem notRead = item("B-2", "on_shelf", "S1");
    final LibraryItem lentFromHere = item("B-3", "on_loan", "S1");
    final LibraryItem withdrawn = item("B-4", "withdrawn", "S1");
    final LibraryItem stranger = item("B-5", "on_shelf", "S2");
    final LibraryItem lentButOnShelf = item("B-6", "on_loan", "S2");
    final LibraryItem homeless = item("B-7", "on_shelf", null);
    final LibraryItem reportedMissingButHere = item("B-8", "missing", "S1");

    @Test
    void eachItemGetsTheOneOutcomeADeskWouldGiveIt() {
        InventoryReport report = InventoryReport.of("S1", List.of(here, notRead, lentFromHere, withdrawn, reportedMissingButHere),
                List.of(here, stranger, lentButOnShelf, homeless, reportedMissingButHere), List.of("AA02", "AA01"));
        assertThat(report.itemIds(InventoryOutcome.PRESENT)).containsExactly("B-1", "B-7", "B-8");
        assertThat(report.itemIds(InventoryOutcome.MISSING)).as("out on loan or withdrawn is not missing").containsExactly("B-2");
        assertThat(report.itemIds(InventoryOutcome.MISPLACED)).containsExactly("B-5");
        assertThat(report.itemIds(InventoryOutcome.CHECKED_OUT)).containsExactly("B-6");
        assertThat(report.unknownEpcs()).containsExactly("AA01", "AA02");
        assertThat(report.findings()).filteredOn(f -> f.itemId().equals("B-5")).singleElement()
                .satisfies(f -> assertThat(f.homeLocation()).isEqualTo("S2"));
    }

    @Test
    void aSessionCollectsFromItsReaderWhenItNamesOneElseAtItsShelf() {
        Inventory byShelf = new Inventory(1, "S1", null, java.time.Instant.EPOCH, null, null);
        Inventory byReader = new Inventory(2, "S1", "handheld-7", java.time.Instant.EPOCH, null, null);
        assertThat(byShelf.collects("S1", "any")).isTrue();
        assertThat(byShelf.collects("S2", "any")).isFalse();
        assertThat(byReader.collects("S2", "handheld-7")).isTrue();
        assertThat(byReader.collects("S1", "fixed-1")).isFalse();
        assertThat(new Inventory(3, "S1", null, java.time.Instant.EPOCH, java.time.Instant.EPOCH, null).collects("S1", "x"))
                .as("a finished session collects nothing").isFalse();
    }
}
