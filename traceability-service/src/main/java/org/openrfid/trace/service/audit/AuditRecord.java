package org.openrfid.trace.service.audit;

import java.time.Instant;
import java.util.List;

/**
 * One stored audit record: the entry, its place in the chain ({@code id} is the sequence number,
 * 1, 2, 3 … without gaps), its time (microseconds, UTC) and the chain hashes: {@code prevHash} is the
 * hash of record {@code id - 1} ({@link AuditHash#GENESIS} for the first) and {@code hash} is
 * {@link AuditHash#of(AuditRecord)} over every other field.
 */
public record AuditRecord(long id, Instant at, String username, List<String> roles, String action, String subject, String purpose,
                          Long resultCount, String clientIp, AuditOutcome outcome, String prevHash, String hash) {

    public AuditRecord {
        roles = List.copyOf(roles);
    }

    /** The record for {@code entry} at {@code id} and {@code at}, chained to {@code prevHash}, with its hash computed. */
    public static AuditRecord chain(long id, Instant at, AuditEntry entry, String prevHash) {
        AuditRecord unhashed = new AuditRecord(id, at, entry.username(), entry.roles(), entry.action(), entry.subject(), entry.purpose(),
                entry.resultCount(), entry.clientIp(), entry.outcome(), prevHash, null);
        return unhashed.withHash(AuditHash.of(unhashed));
    }

    AuditRecord withHash(String h) {
        return new AuditRecord(id, at, username, roles, action, subject, purpose, resultCount, clientIp, outcome, prevHash, h);
    }
}
