package org.openrfid.trace.service.library;

/** One line of an inventory report: the item, where it belongs and its loan status when the report was made. */
public record InventoryFinding(String itemId, InventoryOutcome outcome, String homeLocation, String loanStatus) {
}
