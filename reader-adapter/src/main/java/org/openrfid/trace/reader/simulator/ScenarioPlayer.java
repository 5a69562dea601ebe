package org.openrfid.trace.reader.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Turns a reader's scenario rows into RO_ACCESS_REPORTs while a client has a ROSpec active, batched
 * as its report spec says (N tags, or the end of each AISpec's duration), and sends the keepalives
 * the client asked for. Driven by one thread calling {@link #tick} every couple of milliseconds; all
 * its fields belong to that thread.
 */
final class ScenarioPlayer {

    /**
     * When rows fall due: at {@code startMicros + (pass × passMicros + offset) / timeScale}.
     *
     * @param loop    play the rows again and again, each pass one scenario duration after the last
     * @param catchUp hold rows that fall due while nothing is reported, like a report buffer, instead of missing them
     */
    record Timing(long passMicros, long startMicros, double timeScale, boolean loop, boolean catchUp) {
    }

    private final List<ScenarioRow> rows;
    private final Timing timing;
    private final SimulatedReaderState state;
    private final Supplier<SimConnection> connection;

    private int cursor;
    private long pass;
    private final List<SimMessages.Observation> pending = new ArrayList<>();
    private long windowStartNanos = System.nanoTime();
    private long nextKeepaliveNanos;

    ScenarioPlayer(List<ScenarioRow> rows, Timing timing, SimulatedReaderState state, Supplier<SimConnection> connection) {
        this.rows = rows;
        this.timing = timing;
        this.state = state;
        this.connection = connection;
    }

    /** @param stalled whether the reader is frozen just now (it then neither reports nor sends keepalives) */
    void tick(long nowNanos, long nowMicros, boolean stalled) {
        SimConnection c = connection.get();
        SimulatedReaderState.Snapshot s = state.snapshot();
        SimulatedReaderState.RoSpec active = s.active();
        boolean emitting = c != null && active != null && !stalled;

        if (c != null && !stalled && s.keepaliveMs() > 0 && nowNanos >= nextKeepaliveNanos) {
            nextKeepaliveNanos = nowNanos + s.keepaliveMs() * 1_000_000L;
            c.sendKeepalive();
        }
        takeDueRows(nowMicros, emitting);
        if (!emitting) {
            windowStartNanos = nowNanos;
            if (!timing.catchUp()) {
                pending.clear();
            }
            return;
        }
        int n = active.report.everyTags();
        ReportSelector selector = active.report.selector();
        while (n > 0 && pending.size() >= n) {
            List<SimMessages.Observation> batch = new ArrayList<>(pending.subList(0, n));
            pending.subList(0, n).clear();
            c.sendReport(batch, selector, s.tidOpSpecId());
        }
        if (nowNanos - windowStartNanos >= active.reportEveryMs * 1_000_000L) {
            // End of the AISpec (Duration trigger): report what is left, start the next AISpec run.
            if (!pending.isEmpty()) {
                c.sendReport(new ArrayList<>(pending), selector, s.tidOpSpecId());
                pending.clear();
            }
            windowStartNanos = nowNanos;
        }
    }

    /**
     * Rows whose time has come: an inventorying reader sees them; otherwise the tag passed unseen (or,
     * with catch-up, the reader holds it until it can report).
     */
    private void takeDueRows(long nowMicros, boolean emitting) {
        while (rows.size() > 0 && (timing.loop() || pass == 0)) {
            ScenarioRow row = rows.get(cursor);
            long due = dueMicros(row);
            if (due > nowMicros) {
                break;
            }
            if (emitting) {
                pending.add(new SimMessages.Observation(row, due));
            } else if (timing.catchUp()) {
                break;
            }
            if (++cursor == rows.size()) {
                cursor = 0;
                pass++;
            }
        }
    }

    private long dueMicros(ScenarioRow row) {
        return timing.startMicros() + (long) ((pass * timing.passMicros() + row.offsetMs() * 1000) / timing.timeScale());
    }
}
