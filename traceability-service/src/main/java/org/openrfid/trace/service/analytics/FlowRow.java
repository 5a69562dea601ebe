package org.openrfid.trace.service.analytics;

import java.time.Instant;

/**
 * Passages in one interval at one place by one kind of object ({@code TAG} for unbound tags).
 *
 * @param vehicleType null unless grouped by vehicle type and the objects are vehicles
 * @param objects     distinct objects (or unbound tags) among the passages
 */
public record FlowRow(Instant intervalStart, String place, String kind, String vehicleType, long passages, long objects) {
}
