package org.openrfid.trace.reader.simulator;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulated reader, put together: its {@link ReaderPort} (the one client connection), its
 * {@link SimulatedReaderState}, and the {@link ScenarioPlayer} on a thread of its own. Also where the
 * faults are injected.
 */
final class SimulatedReader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SimulatedReader.class);
    private static final long TICK_MS = 2;

    private final ReaderIdentity identity;
    private final SimOptions options;
    private final SimulatedReaderState state = new SimulatedReaderState();
    private final ReaderPort port;
    private final ScenarioPlayer player;
    private volatile long stalledUntilNanos;
    private volatile boolean closed;
    private Thread playerThread;

    SimulatedReader(String id, int port, List<ScenarioRow> rows, long passMs, long startMicros, double timeScale,
            boolean loop, boolean catchUp, SimOptions options) {
        this.identity = new ReaderIdentity(id, Math.max(4, rows.stream().mapToInt(ScenarioRow::antenna).max().orElse(1)),
                options.impinj());
        this.options = options;
        this.port = new ReaderPort(this, port);
        this.player = new ScenarioPlayer(rows, new ScenarioPlayer.Timing(passMs * 1000, startMicros, timeScale, loop, catchUp),
                state, this.port::connection);
    }

    ReaderIdentity identity() {
        return identity;
    }

    SimOptions options() {
        return options;
    }

    SimulatedReaderState state() {
        return state;
    }

    void start() throws IOException {
        playerThread = daemon(this::playLoop, "llrp-sim-player-" + identity.id());
        port.open();
    }

    int port() {
        return port.port();
    }

    int clientsAccepted() {
        return port.clientsAccepted();
    }

    int clientsRefused() {
        return port.clientsRefused();
    }

    int clientsWhileConnected() {
        return port.clientsWhileConnected();
    }

    boolean hasClient() {
        return port.connection() != null;
    }

    void connectionEnded(SimConnection c) {
        port.connectionEnded(c);
    }

    private void playLoop() {
        while (!closed) {
            try {
                long nowNanos = System.nanoTime();
                player.tick(nowNanos, nowMicros(), nowNanos < stalledUntilNanos);
                Thread.sleep(TICK_MS);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("[sim {}] player failed: {}", identity.id(), e.toString(), e);
            }
        }
    }

    void stall(Duration d) {
        stalledUntilNanos = System.nanoTime() + d.toNanos();
    }

    boolean stalled() {
        return System.nanoTime() < stalledUntilNanos;
    }

    /** Blocks while the reader is stalled: a frozen reader takes no calls and answers nothing. */
    void awaitStallEnd() {
        long left;
        while ((left = stalledUntilNanos - System.nanoTime()) > 0 && !closed) {
            try {
                Thread.sleep(Math.max(1, Math.min(left / 1_000_000L, 50)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    void dropConnection() {
        SimConnection c = port.connection();
        if (c != null) {
            c.abort();
        }
    }

    void sendGarbageFrame() {
        SimConnection c = port.connection();
        if (c == null) {
            throw new IllegalStateException("reader " + identity.id() + " has no client");
        }
        // A well-framed RO_ACCESS_REPORT whose only TagReportData claims 0xFFF0 bytes: the kind of
        // corruption a decoder must reject rather than trust.
        byte[] f = {0x04, 0x3D, 0, 0, 0, 18, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
            0x00, (byte) 0xF0, (byte) 0xFF, (byte) 0xF0, (byte) 0x8D, 0x30, 0x08, 0x33};
        c.sendRaw(f);
    }

    @Override
    public void close() {
        closed = true;
        port.close();
        stopAll(playerThread);
    }

    static long nowMicros() {
        Instant t = Instant.now();
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }

    static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Interrupts all, then waits for each up to a second. */
    static void stopAll(Thread... threads) {
        for (Thread t : threads) {
            if (t != null) {
                t.interrupt();
            }
        }
        try {
            for (Thread t : threads) {
                if (t != null) {
                    t.join(1000);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // already closed or broken: nothing to release
            }
        }
    }
}
