package org.openrfid.trace.pipeline.cluster;

/**
 * One taking of a location by this member: a new instance each time it is taken, so work still queued for
 * an earlier taking (a log read in flight, a chunk on its way to the smoother) sees it is stale.
 *
 * <p>{@link #active} and {@link #discarded} are written by {@link LocationOwnership} (on release, on close,
 * on a merge) and read by every thread that works for the location; {@link #next} is the read-log cursor
 * and only the forwarder thread ({@link ReadLogConsumer}) moves it.
 */
final class OwnedLocation {

    final String locationId;
    volatile boolean active = true;
    /**
     * Given up in a merge after a network split ({@link LocationOwnership#giveUpAllForMerge}): none of this
     * taking's snapshots may be written any more, because their sequences count in this side's read log,
     * which the merge discards (written into the merged cluster they would send the next owner to the
     * wrong place in the surviving log).
     */
    volatile boolean discarded;
    /** The next read-log sequence to read; moved by the forwarder thread only (read by the merge drain). */
    volatile long next;

    OwnedLocation(String locationId) {
        this.locationId = locationId;
    }
}
