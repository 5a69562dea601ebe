package org.openrfid.trace.service.gate;

import java.time.Instant;
import java.util.Objects;

/**
 * What passed one gate together and how it compared with what was expected: written once, then read
 * by the customs, logistics and library features and by EPCIS.
 *
 * @param id         deterministic (hash of location and grouped passages), so a replay stores nothing new
 * @param recordedAt when it was reconciled and stored
 */
public record GateTransaction(String id, GateContents contents, Reconciliation reconciliation, Instant recordedAt) {

    public GateTransaction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(contents, "contents");
        Objects.requireNonNull(reconciliation, "reconciliation");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
