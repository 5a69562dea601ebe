package org.openrfid.trace.pipeline.cluster;

/**
 * One taking of a location by this member: a new instance each time it is taken, so work still queued for
 * an earlier taking (a log read in flight, a chunk on its way to the smoother) sees it is stale.
 *
 * <p>{@link #active} is written by the control thread ({@link LocationOwnership} on release, and on close)
 * and read by every thread that works for the location; {@link #next} is the read-log cursor and belongs to
 * the forwarder thread ({@link ReadLogConsumer}) alone.
 */
final class OwnedLocation {

    final String locationId;
    volatile boolean active = true;
    /** The next read-log sequence to read; forwarder thread only. */
    long next;

    OwnedLocation(String locationId) {
        this.locationId = locationId;
    }
}
