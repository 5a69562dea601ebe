package org.openrfid.trace.reader.simulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.llrp.ltk.generated.enumerations.ConnectionAttemptStatusType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulated reader, put together: a listening socket or a dialler, at most one client connection
 * (§18.1 allows one), the {@link SimulatedReaderState}, and the {@link ScenarioPlayer} on its own
 * thread. Also where the faults are injected.
 */
final class SimulatedReader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SimulatedReader.class);
    private static final long TICK_MS = 2;
    private static final long REDIAL_MS = 100;
    /** A client that just dropped us may still be closing on our side: a new one waits this long for it. */
    private static final long CLOSING_GRACE_NANOS = 300_000_000L;

    private final ReaderIdentity identity;
    private final int requestedPort;
    private final SimOptions options;
    private final SimulatedReaderState state = new SimulatedReaderState();
    private final ScenarioPlayer player;

    private volatile ServerSocket server;
    private volatile SimConnection connection;
    private volatile long stalledUntilNanos;
    private volatile boolean closed;
    private final AtomicInteger clientsAccepted = new AtomicInteger();
    private final AtomicInteger clientsRefused = new AtomicInteger();
    private final AtomicInteger clientsWhileConnected = new AtomicInteger();
    private Thread acceptThread;
    private Thread dialThread;
    private Thread playerThread;

    SimulatedReader(String id, int port, List<ScenarioRow> rows, long passMs, long startMicros, double timeScale,
            boolean loop, boolean catchUp, SimOptions options) {
        this.identity = new ReaderIdentity(id, Math.max(4, rows.stream().mapToInt(ScenarioRow::antenna).max().orElse(1)),
                options.impinj());
        this.requestedPort = port;
        this.options = options;
        this.player = new ScenarioPlayer(rows, new ScenarioPlayer.Timing(passMs * 1000, startMicros, timeScale, loop, catchUp),
                state, () -> connection);
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
        if (options.dials()) {
            dialThread = daemon(this::dialLoop, "llrp-sim-dial-" + identity.id());
            return;
        }
        ServerSocket s = options.tls() == null ? new ServerSocket() : options.tls().getServerSocketFactory().createServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort));
        server = s;
        acceptThread = daemon(this::acceptLoop, "llrp-sim-accept-" + identity.id());
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
                    log.warn("[sim {}] accept failed: {}", identity.id(), e.toString());
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
                    log.debug("[sim {}] dialling {}:{} failed: {}", identity.id(), options.dialHost(), options.dialPort(), e.toString());
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
            long wait = System.nanoTime() + CLOSING_GRACE_NANOS;
            while (connection != null && System.nanoTime() < wait) {
                Thread.sleep(5);
            }
            if (connection != null) {
                log.info("[sim {}] refusing a second client: a client connection already exists", identity.id());
                clientsRefused.incrementAndGet();
                SimConnection.refuse(s, ConnectionAttemptStatusType.Failed_A_Client_Initiated_Connection_Already_Exists,
                        nowMicros());
                return true;
            }
            SimConnection c = new SimConnection(this, s);
            synchronized (state) {
                connection = c;
                state.clientConnected();
            }
            clientsAccepted.incrementAndGet();
            c.start();
        } catch (IOException e) {
            log.debug("[sim {}] connection set-up failed: {}", identity.id(), e.toString());
            closeQuietly(s);
        } catch (InterruptedException e) {
            closeQuietly(s);
            return false;
        }
        return true;
    }

    void connectionEnded(SimConnection c) {
        synchronized (state) {
            if (connection == c) {
                connection = null;
            }
        }
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
        SimConnection c = connection;
        if (c != null) {
            c.abort();
        }
    }

    void sendGarbageFrame() {
        SimConnection c = connection;
        if (c == null) {
            throw new IllegalStateException("reader " + identity.id() + " has no client");
        }
        // A well-framed RO_ACCESS_REPORT whose only TagReportData claims 0xFFF0 bytes: the kind of
        // corruption a decoder must reject rather than trust.
        byte[] f = {0x04, 0x3D, 0, 0, 0, 18, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
            0x00, (byte) 0xF0, (byte) 0xFF, (byte) 0xF0, (byte) 0x8D, 0x30, 0x08, 0x33};
        c.sendRaw(f);
    }

    static long nowMicros() {
        Instant t = Instant.now();
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
        Thread[] threads = {acceptThread, dialThread, playerThread};
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
