package org.openrfid.trace.web.search;

/**
 * One object a query found.
 *
 * @param kindKey   message key of its kind ({@code kind.VEHICLE})
 * @param title     plate, product, SSCC, title, container number, EPC
 * @param detail    plain text that completes it (serial, consignment, call number), may be empty
 * @param detailKey message key that completes it (the vehicle type), or null
 * @param href      its page
 * @param vehicle   whether its page needs a purpose
 */
public record SearchHit(String kindKey, String title, String detail, String detailKey, String href, boolean vehicle) {
}
