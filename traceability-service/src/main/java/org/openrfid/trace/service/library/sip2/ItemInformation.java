package org.openrfid.trace.service.library.sip2;

import java.util.Map;

/**
 * What a library system answered to Item Information (SIP2 message 18).
 *
 * @param circulationStatus the two-digit code: 01 other, 02 on order, 03 available, 04 charged, 05 charged (not
 *                          to be recalled until earliest recall date), 06 in process, 07 recalled, 08 waiting on
 *                          hold shelf, 09 waiting to be re-shelved, 10 in transit between library locations,
 *                          11 claimed returned, 12 lost, 13 missing
 * @param fields            the variable-length fields by their two-letter identifier (AB item, AJ title, AH due date ...)
 */
public record ItemInformation(String circulationStatus, String securityMarker, String transactionDate, Map<String, String> fields) {

    public String itemIdentifier() {
        return fields.get("AB");
    }

    public String title() {
        return fields.get("AJ");
    }

    /**
     * The registry's loan status the circulation status means, or null for codes that say nothing about
     * whether the item may leave (01 other, 02 on order, 06 in process, 11 claimed returned).
     */
    public String loanStatus() {
        return switch (circulationStatus) {
            case "03", "09" -> "on_shelf";
            case "04", "05", "07" -> "on_loan";
            case "08" -> "on_hold";
            case "10" -> "in_transit";
            case "12" -> "lost";
            case "13" -> "missing";
            default -> null;
        };
    }
}
