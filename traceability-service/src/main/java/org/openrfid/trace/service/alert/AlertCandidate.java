package org.openrfid.trace.service.alert;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.openrfid.trace.service.registry.binding.ObjectKind;

/**
 * What a rule found, before the alert service decides whether it is new: an alert is raised once per
 * rule, {@link #subjectKey() subject} and debounce window, not once per read.
 *
 * @param raisedAt   event time of what triggered it (the passage's first-seen time, the camera read's time, now for ticks)
 * @param locationId where, or null (a reader down has its reader's location when known)
 * @param objectKind the object's kind, or null when the tag is bound to nothing / the subject is a reader
 * @param objectId   the object's registry id, or null
 * @param epc        the tag's EPC as upper-case hex, or null
 * @param plate      the vehicle's plate when a vehicle, or null
 * @param summary    one human sentence
 * @param evidence   what the rule found (passages, TIDs, distances, camera reads), JSON-serialisable values
 * @param subject    what the alert is about for debouncing: an object id, an EPC, a reader id, a reader/antenna;
 *                   two candidates of one rule with the same subject within the debounce window are one alert
 */
public record AlertCandidate(AlertType type, String ruleId, Severity severity, Instant raisedAt, String locationId,
                             ObjectKind objectKind, String objectId, String epc, String plate, String summary,
                             Map<String, Object> evidence, String subject) {

    public AlertCandidate {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(raisedAt, "raisedAt");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(subject, "subject");
        evidence = evidence == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }

    /** Debounce key: one alert per rule and subject. */
    public String subjectKey() {
        return ruleId + "|" + subject;
    }
}
