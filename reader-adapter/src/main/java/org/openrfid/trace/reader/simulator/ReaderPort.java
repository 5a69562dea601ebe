package org.openrfid.trace.reader.simulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import org.llrp.ltk.generated.enumerations.ConnectionAttemptStatusType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where clients reach a simulated reader: a listening socket on 127.0.0.1 (plain or TLS), or in
 * reader-initiated mode a dialler that calls the client. Either way it holds at most one client
 * connection (§18.1) and refuses a second with the ConnectionAttemptEvent a reader sends.
 */
final class ReaderPort implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReaderPort.class);
    private static final long REDIAL_MS = 100;
    /** A client that just dropped us may still be closing on our side: a new one waits this long for it. */
    private static final long CLOSING_GRACE_NANOS = 300_000_000L;

    private final SimulatedReader reader;
    private final int requestedPort;
    private volatile ServerSocket server;
    private volatile SimConnection connection;
    private volatile boolean closed;
    private final AtomicInteger clientsAccepted = new AtomicInteger();
    private final AtomicInteger clientsRefused = new AtomicInteger();
    private final AtomicInteger clientsWhileConnected = new AtomicInteger();
    private Thread acceptThread;
    private Thread dialThread;

    /** @param requestedPort 0 for an ephemeral port; unused when the reader dials */
    ReaderPort(SimulatedReader reader, int requestedPort) {
        this.reader = reader;
        this.requestedPort = requestedPort;
    }

    void open() throws IOException {
        SimOptions options = reader.options();
        if (options.dials()) {
            dialThread = SimulatedReader.daemon(this::dialLoop, "llrp-sim-dial-" + reader.identity().id());
            return;
        }
        ServerSocket s = options.tls() == null ? new ServerSocket() : options.tls().getServerSocketFactory().createServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort));
        server = s;
        acceptThread = SimulatedReader.daemon(this::acceptLoop, "llrp-sim-accept-" + reader.identity().id());
    }

    /** The bound port; −1 when dialling. */
    int port() {
        ServerSocket s = server;
        return s == null ? -1 : s.getLocalPort();
    }

    /** The client connection, or null. */
    SimConnection connection() {
        return connection;
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

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    log.warn("[sim {}] accept failed: {}", reader.identity().id(), e.toString());
                }
                return;
            }
            reader.awaitStallEnd();
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
        SimOptions options = reader.options();
        while (!closed) {
            if (connection == null && !reader.stalled()) {
                Socket s = new Socket();
                try {
                    s.connect(new InetSocketAddress(options.dialHost(), options.dialPort()), 2000);
                    if (!attach(s)) {
                        return;
                    }
                } catch (IOException e) {
                    log.debug("[sim {}] dialling {}:{} failed: {}", reader.identity().id(), options.dialHost(), options.dialPort(),
                            e.toString());
                    SimulatedReader.closeQuietly(s);
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
                log.info("[sim {}] refusing a second client: a client connection already exists", reader.identity().id());
                clientsRefused.incrementAndGet();
                SimConnection.refuse(s, ConnectionAttemptStatusType.Failed_A_Client_Initiated_Connection_Already_Exists,
                        SimulatedReader.nowMicros());
                return true;
            }
            SimConnection c = new SimConnection(reader, s);
            synchronized (reader.state()) {
                connection = c;
                reader.state().clientConnected();
            }
            clientsAccepted.incrementAndGet();
            c.start();
        } catch (IOException e) {
            log.debug("[sim {}] connection set-up failed: {}", reader.identity().id(), e.toString());
            SimulatedReader.closeQuietly(s);
        } catch (InterruptedException e) {
            SimulatedReader.closeQuietly(s);
            return false;
        }
        return true;
    }

    void connectionEnded(SimConnection c) {
        synchronized (reader.state()) {
            if (connection == c) {
                connection = null;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        SimulatedReader.closeQuietly(server);
        SimConnection c = connection;
        if (c != null) {
            c.abort();
        }
        SimulatedReader.stopAll(acceptThread, dialThread);
    }
}
