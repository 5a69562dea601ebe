package org.openrfid.trace.service.customs;

import java.time.Instant;
import java.util.Objects;

/**
 * One step in a declaration's history: {@code DECLARED}, {@code CHANGED}, {@code GATE} (a gate transaction
 * reconciled against it), {@code HOLD}, {@code RELEASE}, {@code EXIT}.
 *
 * @param id                0 until stored; the order of the history
 * @param actor             who (a user name, or {@code system} for gates)
 * @param gateTransactionId the gate transaction of a GATE or EXIT step, else null
 */
public record DeclarationEvent(long id, String number, Instant at, String kind, String detail, String actor, String gateTransactionId) {

    public DeclarationEvent {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail.length() > 500 ? detail.substring(0, 500) : detail;
        actor = actor == null ? "system" : actor;
    }
}
