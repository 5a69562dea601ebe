package org.openrfid.trace.service.alert;

/**
 * A new alert or a status change, in the order the store committed them: {@code seq} is the SSE event
 * id ({@code Last-Event-ID} resumes after it).
 *
 * @param kind {@code RAISED} or {@code CHANGED}
 */
public record AlertEvent(long seq, Kind kind, Alert alert) {

    public enum Kind { RAISED, CHANGED }
}
