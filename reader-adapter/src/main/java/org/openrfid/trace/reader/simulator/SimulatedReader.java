package org.openrfid.trace.reader.simulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.llrp.ltk.generated.enumerations.ConnectionAttemptStatusType;
import org.openrfid.trace.reader.llrp.LlrpFrames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulated reader: a listening socket, at most one client connection (§18.1 allows one), the
 * reader's ROSpec/AccessSpec state, and a player that turns scenario rows into RO_ACCESS_REPORTs
 * while a ROSpec is active.
 */
final class SimulatedReader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SimulatedReader.class);
    private static final long TICK_NANOS = 2_000_000L;
    private static final long REDIAL_MS = 100;

    /** Which optional TagReportData fields to send (TagReportContentSelector, §13.2.1.1). */
    record Selector(boolean antenna, boolean channel, boolean peakRssi, boolean firstSeen, boolean lastSeen, boolean seenCount,
                    boolean impinjPeakRssi, boolean impinjPhase, boolean impinjDoppler) {
        static final Selector DEFAULT = new Selector(true, false, true, true, true, true, false, false, false);
    }

    /** A ROSpec as far as the simulator cares: its state and how it wants reports. */
    static final class RoSpec {
        final long id;
        final boolean immediateStart;
        final long reportEveryMs;
        final int reportEveryTags;
        final Selector selector;
        /** 0 Disabled, 1 Inactive, 2 Active (ROSpecState, §10.2.1). */
        int state;

        RoSpec(long id, boolean immediateStart, long reportEveryMs, int reportEveryTags, Selector selector) {
            this.id = id;
            this.immediateStart = immediateStart;
            this.reportEveryMs = reportEveryMs;
            this.reportEveryTags = reportEveryTags;
            this.selector = selector;
        }
    }

    /** An AccessSpec reduced to the TID read it may perform. */
    static final class AccessSpec {
        final long id;
        final int tidOpSpecId;
        boolean enabled;

        AccessSpec(long id, int tidOpSpecId) {
            this.id = id;
            this.tidOpSpecId = tidOpSpecId;
        }
    }

    final String id;
    private final int requestedPort;
    private final List<ScenarioRow> rows;
    private final long passMicros;
    private final long startMicros;
    private final double timeScale;
    private final boolean loop;
    private final boolean catchUp;
    final SimOptions options;
    final int antennaCount;

    // Reader state, guarded by "this".
    final Map<Long, RoSpec> roSpecs = new TreeMap<>();
    final Map<Long, AccessSpec> accessSpecs = new TreeMap<>();
    Selector defaultSelector = Selector.DEFAULT;
    int defaultReportEveryTags = 1;
    long keepaliveMs;

    private volatile ServerSocket server;
    private volatile SimConnection connection;
    private volatile long stalledUntilNanos;
    private volatile boolean closed;
    private final java.util.concurrent.atomic.AtomicInteger clientsAccepted = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger clientsRefused = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger clientsWhileConnected = new java.util.concurrent.atomic.AtomicInteger();
    private Thread acceptThread;
    private Thread dialThread;
    private Thread playerThread;

    // Player state, touched only by the player thread.
    private int cursor;
    private long pass;
    private final List<SimMessages.Observation> pending = new ArrayList<>();
    private long windowStartNanos = System.nanoTime();
    private long nextKeepaliveNanos;

    SimulatedReader(String id, int port, List<ScenarioRow> rows, long passMs, long startMicros, double timeScale,
            boolean loop, boolean catchUp, SimOptions options) {
        this.id = id;
        this.requestedPort = port;
        this.rows = rows;
        this.passMicros = passMs * 1000;
        this.startMicros = startMicros;
        this.timeScale = timeScale;
        this.loop = loop;
        this.catchUp = catchUp;
        this.options = options;
        this.antennaCount = Math.max(4, rows.stream().mapToInt(ScenarioRow::antenna).max().orElse(1));
    }

    void start() throws IOException {
        playerThread = daemon(this::playLoop, "llrp-sim-player-" + id);
        if (options.dials()) {
            dialThread = daemon(this::dialLoop, "llrp-sim-dial-" + id);
            return;
        }
        ServerSocket s = options.tls() == null ? new ServerSocket() : options.tls().getServerSocketFactory().createServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort));
        server = s;
        acceptThread = daemon(this::acceptLoop, "llrp-sim-accept-" + id);
    }

    int port() {
        ServerSocket s = server;
        return s == null ? -1 : s.getLocalPort();
    }

    int clientsAccepted() {
        return clientsAccepted.get();
    }

    int clientsRefused() {
        return clientsRefused.get();
    }

    int clientsWhileConnected() {
        return clientsWhileConnected.get();
    }

    boolean hasClient() {
        return connection != null;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    log.warn("[sim {}] accept failed: {}", id, e.toString());
                }
                return;
            }
            awaitStallEnd();
            if (!attach(s)) {
                return;
            }
        }
    }

    /**
     * Reader-initiated mode (§18.1): keep calling the client while no connection is up, as a reader
     * configured for client connections does, and then behave exactly as after an accept.
     */
    private void dialLoop() {
        while (!closed) {
            if (connection == null && System.nanoTime() >= stalledUntilNanos) {
                Socket s = new Socket();
                try {
                    s.connect(new InetSocketAddress(options.dialHost(), options.dialPort()), 2000);
                    if (!attach(s)) {
                        return;
                    }
                } catch (IOException e) {
                    log.debug("[sim {}] dialling {}:{} failed: {}", id, options.dialHost(), options.dialPort(), e.toString());
                    closeQuietly(s);
                }
            }
            try {
                Thread.sleep(REDIAL_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Takes a fresh transport as the client connection, or refuses it; false when interrupted. */
    private boolean attach(Socket s) {
        try {
            s.setTcpNoDelay(true);
            if (connection != null) {
                clientsWhileConnected.incrementAndGet();
            }
            // A client that just dropped us may still be closing on our side: give it a moment.
            long wait = System.nanoTime() + 300_000_000L;
            while (connection != null && System.nanoTime() < wait) {
                Thread.sleep(5);
            }
            SimConnection existing = connection;
            if (existing != null) {
                log.info("[sim {}] refusing a second client: a client connection already exists", id);
                clientsRefused.incrementAndGet();
                SimConnection.refuse(s, ConnectionAttemptStatusType.Failed_A_Client_Initiated_Connection_Already_Exists,
                        nowMicros());
                return true;
            }
            SimConnection c = new SimConnection(this, s);
            synchronized (this) {
                connection = c;
                keepaliveMs = 0;
            }
            clientsAccepted.incrementAndGet();
            c.start();
        } catch (IOException e) {
            log.debug("[sim {}] connection set-up failed: {}", id, e.toString());
            closeQuietly(s);
        } catch (InterruptedException e) {
            closeQuietly(s);
            return false;
        }
        return true;
    }

    void connectionEnded(SimConnection c) {
        synchronized (this) {
            if (connection == c) {
                connection = null;
            }
        }
    }

    /** Plays scenario rows, batches them into reports, and sends keepalives. */
    private void playLoop() {
        while (!closed) {
            try {
                tick();
                Thread.sleep(TICK_NANOS / 1_000_000L);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("[sim {}] player failed: {}", id, e.toString(), e);
            }
        }
    }

    private void tick() {
        long nowNanos = System.nanoTime();
        long now = nowMicros();
        SimConnection c = connection;
        boolean stalled = nowNanos < stalledUntilNanos;
        RoSpec active;
        int tidOpSpec;
        long keepalive;
        synchronized (this) {
            active = activeRoSpec();
            tidOpSpec = tidOpSpecId();
            keepalive = keepaliveMs;
        }
        boolean emitting = c != null && active != null && !stalled;

        if (c != null && !stalled && keepalive > 0 && nowNanos >= nextKeepaliveNanos) {
            nextKeepaliveNanos = nowNanos + keepalive * 1_000_000L;
            c.sendKeepalive();
        }
        // Rows whose time has come: an inventorying reader sees them; otherwise the tag passed unseen
        // (or, with catch-up, the reader holds it until it can report, like a report buffer).
        while (rows.size() > 0 && (loop || pass == 0)) {
            ScenarioRow row = rows.get(cursor);
            long due = dueMicros(row);
            if (due > now) {
                break;
            }
            if (emitting) {
                pending.add(new SimMessages.Observation(row, due));
            } else if (catchUp) {
                break;
            }
            if (++cursor == rows.size()) {
                cursor = 0;
                pass++;
            }
        }
        if (!emitting) {
            windowStartNanos = nowNanos;
            if (!catchUp) {
                pending.clear();
            }
            return;
        }
        int n = active.reportEveryTags;
        boolean windowOver = nowNanos - windowStartNanos >= active.reportEveryMs * 1_000_000L;
        while (n > 0 && pending.size() >= n) {
            List<SimMessages.Observation> batch = new ArrayList<>(pending.subList(0, n));
            pending.subList(0, n).clear();
            c.sendReport(batch, active.selector, tidOpSpec);
        }
        if (windowOver) {
            // End of the AISpec (Duration trigger): report what is left, start the next AISpec run.
            if (!pending.isEmpty()) {
                c.sendReport(new ArrayList<>(pending), active.selector, tidOpSpec);
                pending.clear();
            }
            windowStartNanos = nowNanos;
        }
    }

    private long dueMicros(ScenarioRow row) {
        return startMicros + (long) ((pass * passMicros + row.offsetMs() * 1000) / timeScale);
    }

    private RoSpec activeRoSpec() {
        for (RoSpec r : roSpecs.values()) {
            if (r.state == 2) {
                return r;
            }
        }
        return null;
    }

    private int tidOpSpecId() {
        for (AccessSpec a : accessSpecs.values()) {
            if (a.enabled && a.tidOpSpecId >= 0) {
                return a.tidOpSpecId;
            }
        }
        return -1;
    }

    void stall(Duration d) {
        stalledUntilNanos = System.nanoTime() + d.toNanos();
    }

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
        SimConnection c = connection;
        if (c != null) {
            c.abort();
        }
    }

    void sendGarbageFrame() {
        SimConnection c = connection;
        if (c == null) {
            throw new IllegalStateException("reader " + id + " has no client");
        }
        // A well-framed RO_ACCESS_REPORT whose only TagReportData claims 0xFFF0 bytes: the kind of
        // corruption a decoder must reject rather than trust.
        byte[] f = {0x04, 0x3D, 0, 0, 0, 18, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
            0x00, (byte) 0xF0, (byte) 0xFF, (byte) 0xF0, (byte) 0x8D, 0x30, 0x08, 0x33};
        c.sendRaw(f);
    }

    static long nowMicros() {
        java.time.Instant t = java.time.Instant.now();
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        SimConnection c = connection;
        if (c != null) {
            c.abort();
        }
        for (Thread t : new Thread[] {acceptThread, dialThread, playerThread}) {
            if (t != null) {
                t.interrupt();
            }
        }
        try {
            for (Thread t : new Thread[] {acceptThread, dialThread, playerThread}) {
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

    boolean isClosedException(IOException e) {
        return closed || e instanceof SocketException;
    }
}
