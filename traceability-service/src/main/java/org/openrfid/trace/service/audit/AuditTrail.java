package org.openrfid.trace.service.audit;

import java.util.List;

/** The append-only, hash-chained audit trail. */
public interface AuditTrail {

    /**
     * Appends one record at the end of the chain and returns it as stored. Appends are serialised
     * (across threads and across cluster members sharing the database), so the chain has one order.
     */
    AuditRecord append(AuditEntry entry);

    /** Records matching {@code filter}, newest first, with ids below {@code beforeId} (null: from the newest), at most {@code limit}. */
    List<AuditRecord> page(AuditFilter filter, Long beforeId, int limit);

    /** Recomputes every record's hash and link from the first to the head. */
    AuditVerification verify();
}
