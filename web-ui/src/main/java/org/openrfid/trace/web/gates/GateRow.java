package org.openrfid.trace.web.gates;

import java.time.Instant;
import java.util.List;

/**
 * One gate transaction as a desk's monitor shows it: when, the place's name, what passed (plate,
 * container, the declaration it was compared with, book titles) and the verdict.
 *
 * @param books    the library items read, with their titles and whether they were lent (library gates)
 * @param alarm    what the desk must look at now: HOLD at a port gate, ALARM (a book leaving unloaned) at a library gate
 */
public record GateRow(String id, Instant at, String locationId, String locationName, String direction, String vehicle, String container,
                      String declaration, String verdict, int matched, int missing, int unexpected, List<Book> books, boolean alarm) {

    /** A library item at the gate: lent ones may leave. */
    public record Book(String itemId, String title, boolean lent) {
    }

    /** The CSS class of the verdict's badge. */
    public String verdictClass() {
        return switch (verdict) {
            case "PASS" -> "ok";
            case "INSPECT" -> "warn";
            default -> "bad";
        };
    }
}
