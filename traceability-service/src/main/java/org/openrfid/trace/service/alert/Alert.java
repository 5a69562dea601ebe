package org.openrfid.trace.service.alert;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.openrfid.trace.service.registry.binding.ObjectKind;

/**
 * An alert as the API returns it (public contract: field names are what other software reads).
 *
 * @param epc      the tag's EPC as upper-case hex, or null
 * @param plate    the vehicle's plate when a vehicle, or null
 * @param evidence what the rule found, as it found it
 * @param repeats  how many more times the rule found the same within the debounce window
 * @param lastSeenAt the newest of those (raisedAt when none)
 * @param history  every status change, oldest first (the first is the raise)
 */
public record Alert(long id, AlertType type, String ruleId, Severity severity, AlertStatus status, Instant raisedAt,
                    String locationId, ObjectKind objectKind, String objectId, String epc, String plate, String summary,
                    Map<String, Object> evidence, int repeats, Instant lastSeenAt, List<Change> history) {

    public Alert {
        evidence = evidence == null ? Map.of() : evidence;
        history = history == null ? List.of() : List.copyOf(history);
    }

    /**
     * One status change.
     *
     * @param by      the user, or {@code system} for the raise
     * @param comment what they said, or null
     */
    public record Change(AlertStatus status, Instant at, String by, String comment) {
    }
}
