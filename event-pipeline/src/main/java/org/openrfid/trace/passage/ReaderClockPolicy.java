package org.openrfid.trace.passage;

import java.time.Duration;

/**
 * How far a reader's clock is trusted. Reader time is the event time (passages are placed by when the
 * reader saw the tag, not by when the report arrived), so a reader clock that is wrong would otherwise
 * move its watermark, which only moves forward, anywhere it likes.
 *
 * <p><b>Bounds against receive time.</b> A read whose reader time is more than {@code maxAhead} after
 * the time this process received it, or more than {@code maxBehind} before, is not smoothed: it is
 * counted, handed on as a dead letter and kept out of its reader's watermark. A read from the future
 * cannot be right (receive time comes after the read), so the only slack ahead is for the two clocks
 * disagreeing: five minutes is far more than NTP-synchronised clocks ever do and far less than the
 * harm one such read does (every later read of its reader would be late until the wall clock caught
 * up). Behind is different: readers buffer reads while the network or this process is away and replay
 * them in their own order when they reconnect; the smoother places such replays by their own times
 * (they are ahead of the reader's watermark, so the allowed lateness does not apply to them). A day
 * keeps an overnight outage's replay; a read older than that is far more likely a reset reader clock
 * (1970, 2000, the firmware's build date) than a replay, and would make a passage on the wrong day.
 *
 * <p><b>Steps back.</b> A read more than {@code stepBack} (and more than the allowed lateness) behind its
 * reader's watermark, though inside the bounds, is taken as that reader's clock having stepped back
 * (an NTP correction, a clock set by hand), once the reader's next read confirms it; the smoother then
 * re-bases the reader (see {@link PassageSmoother}). Below {@code stepBack} a read is simply late, as
 * before: a backward step shorter than that costs at most that much of the reader's reads, counted as
 * late, while reordering by more than a minute is not something a reader's report stream does.
 *
 * @param maxAhead  how far a read's reader time may be after its receive time (default 5 min)
 * @param maxBehind how far a read's reader time may be before its receive time (default 24 h)
 * @param stepBack  a read further behind its reader's watermark than this (and than the allowed lateness)
 *                  is a step back of the reader's clock, not a late read (default 1 min)
 */
public record ReaderClockPolicy(Duration maxAhead, Duration maxBehind, Duration stepBack) {

    public static final Duration DEFAULT_MAX_AHEAD = Duration.ofMinutes(5);
    public static final Duration DEFAULT_MAX_BEHIND = Duration.ofHours(24);
    public static final Duration DEFAULT_STEP_BACK = Duration.ofMinutes(1);

    public ReaderClockPolicy {
        maxAhead = positive(maxAhead == null ? DEFAULT_MAX_AHEAD : maxAhead, "max ahead");
        maxBehind = positive(maxBehind == null ? DEFAULT_MAX_BEHIND : maxBehind, "max behind");
        stepBack = positive(stepBack == null ? DEFAULT_STEP_BACK : stepBack, "step back");
    }

    public static ReaderClockPolicy defaults() {
        return new ReaderClockPolicy(null, null, null);
    }

    long maxAheadMicros() {
        return maxAhead.toNanos() / 1_000;
    }

    long maxBehindMicros() {
        return maxBehind.toNanos() / 1_000;
    }

    long stepBackMicros() {
        return stepBack.toNanos() / 1_000;
    }

    private static Duration positive(Duration d, String what) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("reader clock " + what + " must be positive");
        }
        return d;
    }
}
