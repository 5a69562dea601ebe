package org.openrfid.trace.service.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openrfid.trace.service.registry.binding.ObjectKind;

/** The alert store (port): raises with debounce, status changes with history, and the ordered event log. */
public interface Alerts {

    /**
     * Stores the candidate as a new OPEN alert unless one of the same rule and subject was raised within
     * {@code debounce} of it (then that alert's repeat count and last-seen time grow instead).
     *
     * @return the RAISED event, or empty when it was a repeat
     */
    Optional<AlertEvent> raise(AlertCandidate candidate, Duration debounce);

    Optional<Alert> find(long id);

    /**
     * Moves an alert to {@code status} (OPEN → ACKNOWLEDGED → CLOSED; closing from OPEN is allowed),
     * keeping who, when and why in its history.
     *
     * @return the CHANGED event, or empty when there is no such alert
     * @throws IllegalStateException when the alert is already in that status or closed
     */
    Optional<AlertEvent> change(long id, AlertStatus status, String by, String comment, Instant at);

    /** Newest first (raisedAt, then id). */
    List<Alert> page(Filter filter);

    /** Events after {@code seq} in order, at most {@code limit}. */
    List<AlertEvent> eventsAfter(long seq, int limit);

    /** The newest event's seq (0 when none). */
    long lastSeq();

    /**
     * A page request. Null fields do not filter.
     *
     * @param kinds       object kinds the caller sees everywhere (names; {@code null}: all); alerts about no object (readers) are always seen
     * @param onlyAt      object kinds the caller sees only at locations of the given location kinds (customs: vehicles at port gates)
     * @param beforeAt    cursor: strictly older than (beforeAt, beforeId)
     */
    record Filter(AlertStatus status, AlertType type, ObjectKind objectKind, String locationId, Instant from, Instant to,
                  Set<String> kinds, java.util.Map<String, Set<String>> onlyAt, Instant beforeAt, long beforeId, int limit) {

        public Filter {
            onlyAt = onlyAt == null ? java.util.Map.of() : onlyAt;
        }

        /** Without per-location kinds. */
        public Filter(AlertStatus status, AlertType type, ObjectKind objectKind, String locationId, Instant from, Instant to,
                      Set<String> kinds, Instant beforeAt, long beforeId, int limit) {
            this(status, type, objectKind, locationId, from, to, kinds, null, beforeAt, beforeId, limit);
        }
    }
}
