package org.openrfid.trace.sampledata.world;

/**
 * A library item with a GIAI-96 tag (world/library-items.csv); status is on_shelf or on_loan and
 * {@code dueDate} (ISO date) is set only for items on loan.
 */
public record LibraryItem(String epc, String uri, String barcode, String title, String status, String dueDate) {
    public static final String ON_SHELF = "on_shelf";
    public static final String ON_LOAN = "on_loan";
}
