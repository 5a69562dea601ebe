package org.openrfid.trace.passage;

import org.openrfid.trace.reader.TagRead;

/**
 * One reader's event-time clock (its watermark: the newest reader time it reported, and the wall time of
 * its last read) and its (reader, antenna) pairs resolved to read points, cached until the directory
 * changes. Part of the {@link PassageSmoother}'s state, driven by its thread; fields are plain so the
 * per-read path reads them directly.
 */
final class ReaderClock {

    final String readerId;
    long watermark = Long.MIN_VALUE;
    long wallAtLastRead;
    /** Presences this reader saw last close when their last read + silence is before this (set by advance). */
    long closeBefore;
    /**
     * A read far behind the watermark (more than the step-back threshold), held until this reader's next
     * read says whether its clock stepped back (that read is far behind too) or the held one was a stray
     * (it is not); null when none is held.
     */
    TagRead heldStep;
    long heldStepWall;
    int directoryVersion = -1;
    ResolvedAntenna[] antennas = new ResolvedAntenna[8];

    ReaderClock(String readerId) {
        this.readerId = readerId;
    }

    /**
     * Where presences this reader saw last stop at {@code nowWallMicros}: its watermark moved on by the wall
     * time it has been quiet, less the allowed lateness.
     */
    void advanceTo(long nowWallMicros, long lateness) {
        closeBefore = watermark == Long.MIN_VALUE ? Long.MIN_VALUE : watermark + Math.max(0, nowWallMicros - wallAtLastRead) - lateness;
    }
}
