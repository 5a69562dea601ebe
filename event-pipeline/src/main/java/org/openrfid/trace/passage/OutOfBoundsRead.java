package org.openrfid.trace.passage;

import java.time.Duration;
import org.openrfid.trace.reader.TagRead;

/**
 * A read whose reader time lies outside {@link ReaderClockPolicy}'s bounds around the time it was
 * received: not smoothed and kept out of its reader's watermark, handed on so it is not lost unseen.
 *
 * @param read           the read as it came
 * @param side           whether its reader time was too far ahead of or behind its receive time
 * @param readerMicros   the offending reader time (the later of first and last seen when ahead, the earlier when behind)
 * @param receivedMicros the receive time it was judged against (the read's own, else the smoother's wall time)
 * @param bound          the bound it broke
 */
public record OutOfBoundsRead(TagRead read, Side side, long readerMicros, long receivedMicros, Duration bound) {

    /** Which bound a read broke. */
    public enum Side {
        AHEAD, BEHIND
    }

    /** For people: what was wrong with it, e.g. for a dead letter's detail. */
    public String detail() {
        Duration off = Duration.between(Instants.ofMicros(receivedMicros), Instants.ofMicros(readerMicros)).abs();
        return "reader time " + Instants.ofMicros(readerMicros) + " is " + off + (side == Side.AHEAD ? " ahead of" : " behind")
                + " receive time " + Instants.ofMicros(receivedMicros) + "; at most " + bound + " allowed (reader " + read.readerId()
                + ", antenna " + read.antenna() + ")";
    }
}
