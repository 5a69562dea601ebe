package org.openrfid.trace.service.gate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Stored gate transactions (port). */
public interface GateTransactionStore {

    /** Stores it unless one with its id is there; true when new. */
    boolean save(GateTransaction transaction);

    Optional<GateTransaction> find(String id);

    /**
     * Transactions matching every given part (null or empty: any), newest end first, after the cursor
     * (the end time and id of the last one of the previous page; null: from the newest).
     */
    List<GateTransaction> find(Query query, Cursor after, int limit);

    /** Which transactions: gate kinds, one location, end time in [from, to), verdict, expectation. */
    record Query(Set<String> locationKinds, String locationId, Instant from, Instant to, String verdict, String expectationKind,
                 String expectationId) {
    }

    record Cursor(Instant end, String id) {
    }
}
