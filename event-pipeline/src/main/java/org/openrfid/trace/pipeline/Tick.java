package org.openrfid.trace.pipeline;

/**
 * Sent through the reads queue so the smoothing route checks for quiet presences on its own
 * thread, in order with the reads (no locks around the smoother).
 */
public record Tick(long wallMicros) {
}
