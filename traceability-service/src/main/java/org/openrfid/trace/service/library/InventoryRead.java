package org.openrfid.trace.service.library;

import java.time.Instant;

/** A tag read during an inventory, with the library item it was bound to then (null: not a library item's tag). */
public record InventoryRead(String epcHex, String itemId, Instant at) {
}
