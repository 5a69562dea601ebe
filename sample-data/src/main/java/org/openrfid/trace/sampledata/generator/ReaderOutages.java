package org.openrfid.trace.sampledata.generator;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * Played readers lose their network link now and then: the reader keeps inventorying but reports
 * nothing until the link returns, then replays its buffer 1 ms per read in the original order. The
 * scenario has only delivery offsets, so replayed reads carry the replay time, and a pass cut by the
 * start of an outage shows up as two passages, which is what a pipeline receiving the stream sees.
 *
 * <p>One outage at a time (the interval is at least twice the outage), so the buffer holds at most
 * one reader's reads for one outage.
 */
final class ReaderOutages implements Iterator<Read> {
    /** One outage: silent over [fromMs, untilMs). */
    record Outage(String reader, String location, long fromMs, long untilMs) {
        Anomaly label() {
            return new Anomaly(fromMs, Anomaly.READER_OUTAGE, "", location, "reader " + reader + " offline " + fromMs + "-"
                    + untilMs + " ms; buffered reads replayed 1 ms apart from " + untilMs + " ms");
        }
    }

    private final Iterator<Read> live;
    private final Schedule schedule;
    private final ArrayDeque<Read> buffer = new ArrayDeque<>();
    private Outage current;
    private long replayAt;
    private Read peeked;
    private int maxBuffered;

    ReaderOutages(Iterator<Read> live, Schedule schedule) {
        this.live = live;
        this.schedule = schedule;
        this.current = schedule.next();
    }

    /** Outage times and readers, drawn lazily from the seed so a run of any length needs no list. */
    static final class Schedule {
        private final List<String[]> readers; // reader id, location id
        private final long everyMs;
        private final long outageMs;
        private final long durationMs;
        private final SplittableRandom random;
        private long k;

        Schedule(List<String[]> readers, long everyMs, long outageMs, long durationMs, long seed) {
            this.readers = readers;
            this.everyMs = everyMs;
            this.outageMs = outageMs;
            this.durationMs = durationMs;
            this.random = new SplittableRandom(seed);
        }

        /** The next outage, or null when there are none left in the run. */
        Outage next() {
            long from = everyMs / 4 + k * everyMs;
            if (everyMs == 0 || readers.isEmpty() || from >= durationMs) {
                return null;
            }
            k++;
            String[] reader = readers.get(random.nextInt(readers.size()));
            return new Outage(reader[0], reader[1], from, from + outageMs);
        }
    }

    int maxBuffered() {
        return maxBuffered;
    }

    @Override
    public boolean hasNext() {
        divert();
        return peeked != null || !buffer.isEmpty();
    }

    @Override
    public Read next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        // Replayed reads go first at equal offsets: the reader sends its buffer before new reads.
        if (!buffer.isEmpty() && (peeked == null || replayAt <= peeked.offsetMs())) {
            Read r = buffer.poll();
            Read replayed = new Read(replayAt++, r.reader(), r.antenna(), r.epc(), r.tid(), r.rssiTenths(), r.sequence());
            if (buffer.isEmpty()) {
                current = schedule.next();
            }
            return replayed;
        }
        Read r = peeked;
        peeked = null;
        return r;
    }

    /** Moves live reads of the silent reader into the buffer until the next live read is one to pass on. */
    private void divert() {
        while (peeked == null && live.hasNext()) {
            Read r = live.next();
            if (current != null && buffer.isEmpty() && r.offsetMs() >= current.untilMs()) {
                // Nothing was buffered (the reader saw no tag): the outage is over.
                current = schedule.next();
            }
            if (current != null && r.reader().equals(current.reader()) && r.offsetMs() >= current.fromMs()
                    && r.offsetMs() < current.untilMs()) {
                if (buffer.isEmpty()) {
                    replayAt = current.untilMs();
                }
                buffer.add(r);
                maxBuffered = Math.max(maxBuffered, buffer.size());
            } else {
                peeked = r;
            }
        }
    }
}
