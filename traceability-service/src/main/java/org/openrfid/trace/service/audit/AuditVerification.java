package org.openrfid.trace.service.audit;

/**
 * The result of checking the whole chain: {@code records} is how many records were checked (up to the
 * first broken one); when not valid, {@code firstBrokenId} is the first record whose link or content does
 * not hold and {@code reason} says what.
 */
public record AuditVerification(boolean valid, long records, Long firstBrokenId, String reason) {

    public static AuditVerification ok(long records) {
        return new AuditVerification(true, records, null, null);
    }

    public static AuditVerification broken(long records, long firstBrokenId, String reason) {
        return new AuditVerification(false, records, firstBrokenId, reason);
    }
}
