package org.openrfid.trace.reader.llrp;

import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.openrfid.trace.reader.ReaderState;
import org.openrfid.trace.reader.ReaderStatus;
import org.openrfid.trace.reader.TagReadBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client-initiated LLRP 1.0.1 connection to one reader, kept alive for as long as it runs.
 *
 * <p>One daemon thread owns the socket: it connects, lets {@link LlrpHandshake} configure the reader,
 * then streams RO_ACCESS_REPORTs through the {@link ReportDispatcher} into the sink, one
 * {@link TagReadBatch} per report. Any failure — refused connection, error status, missed keepalives,
 * malformed or oversized frame — closes this connection only and retries after an exponential,
 * jittered backoff. The backoff starts over only once a connection has stayed up for the configured
 * stable period: a reader that drops every few seconds right after set-up ("flapping") is redialled
 * ever less often, not once a second for ever, and its status says so. This class owns that lifecycle
 * and the status; the talking is done elsewhere.
 */
public final class LlrpClientSession {

    private static final Logger log = LoggerFactory.getLogger(LlrpClientSession.class);

    /** A reader that misses this many keepalive periods is considered gone (dead TCP links stay "open"). */
    static final int MISSED_KEEPALIVES = 3;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(1);
    /** Consecutive connections dropped before the stable period from which the reader counts as flapping. */
    static final int FLAPPING_AFTER = 3;

    private final LlrpReaderConfig config;
    private final LlrpConnector connector;
    private final Clock clock;
    private final ReadRateMeter reads = new ReadRateMeter();
    private final ReportDispatcher dispatcher;
    private final AtomicLong messageIds = new AtomicLong(1);
    private final AtomicLong sessions = new AtomicLong();

    private volatile boolean running;
    private volatile Thread thread;
    private volatile Socket socket;
    private volatile LlrpChannel channel;
    private volatile long closeSentNanos;

    private volatile ReaderState state = ReaderState.DISABLED;
    private volatile Instant since;
    private volatile String lastError;
    /** System.nanoTime() when the current connection reached CONNECTED; 0 while there is none. */
    private volatile long connectedAtNanos;
    private final AtomicLong flaps = new AtomicLong();
    private volatile int flapsInARow;

    /** A client-initiated session over plain TCP to {@code config.host():config.port()}. */
    public LlrpClientSession(LlrpReaderConfig config, Consumer<TagReadBatch> sink, Clock clock) {
        this(config, LlrpConnector.tcp(config.host(), config.port()), sink, clock);
    }

    /** A session whose links come from {@code connector}: TLS, or reader-initiated through a listener. */
    public LlrpClientSession(LlrpReaderConfig config, LlrpConnector connector, Consumer<TagReadBatch> sink, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.connector = Objects.requireNonNull(connector, "connector");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.dispatcher = new ReportDispatcher(config.id(), Objects.requireNonNull(sink, "sink"), clock, reads,
                error -> lastError = error);
        this.since = clock.instant();
    }

    public LlrpReaderConfig config() {
        return config;
    }

    /** Starts the background connection; returns at once. */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        setState(ReaderState.CONNECTING);
        Thread t = new Thread(this::run, "llrp-" + config.id());
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Sends CLOSE_CONNECTION (§13.1.6) when connected, waits briefly for the reader's answer, then closes. */
    public void stop() {
        Thread t;
        synchronized (this) {
            t = thread;
            thread = null;
            running = false;
        }
        if (t == null) {
            return;
        }
        if (state == ReaderState.CONNECTED) {
            sayGoodbye();
        }
        t.interrupt();
        try {
            t.join(CLOSE_TIMEOUT.toMillis() + 500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeSocket();
        connector.close();
        setState(ReaderState.DISABLED);
    }

    public ReaderStatus status() {
        return new ReaderStatus(config.id(), state, dispatcher.lastKeepalive(), reads.total(), reads.perSecond(), lastError, since,
                flaps.get(), flapping());
    }

    /** The last connections all dropped before the stable period, and the current one (if any) is not yet stable. */
    private boolean flapping() {
        long up = connectedAtNanos;
        boolean stableNow = up != 0 && System.nanoTime() - up >= config.stablePeriod().toNanos();
        return flapsInARow >= FLAPPING_AFTER && !stableNow;
    }

    /** Sink calls that threw; each is logged, and the session carries on. */
    public long sinkErrors() {
        return dispatcher.sinkErrors();
    }

    /** How many connections reached the streaming state so far. */
    public long connectionsEstablished() {
        return sessions.get();
    }

    private void sayGoodbye() {
        try {
            closeSentNanos = System.nanoTime();
            LlrpChannel c = channel;
            if (c == null) {
                throw new IOException("not connected");
            }
            c.send(ClientMessages.closeConnection());
            Socket s = socket;
            if (s != null) {
                // The session thread now only waits for CLOSE_CONNECTION_RESPONSE: poll often.
                s.setSoTimeout(100);
            }
        } catch (IOException | RuntimeException e) {
            log.debug("[{}] could not send CLOSE_CONNECTION: {}", config.id(), e.toString());
        }
    }

    private void run() {
        long backoff = config.initialBackoff().toNanos();
        while (running) {
            setState(ReaderState.CONNECTING);
            connectedAtNanos = 0;
            try {
                connectAndServe();
            } catch (Exception e) {
                if (running) {
                    String msg = describe(e);
                    lastError = msg;
                    log.warn("[{}] LLRP connection ({}) failed: {}", config.id(), connector.describe(), msg);
                }
            } finally {
                closeSocket();
            }
            if (!running) {
                break;
            }
            long upAt = connectedAtNanos;
            connectedAtNanos = 0;
            if (upAt != 0) {
                if (System.nanoTime() - upAt >= config.stablePeriod().toNanos()) {
                    backoff = config.initialBackoff().toNanos();
                    flapsInARow = 0;
                } else {
                    flaps.incrementAndGet();
                    if (++flapsInARow == FLAPPING_AFTER) {
                        log.warn("[{}] reader is flapping: {} connections in a row dropped within {} of set-up; "
                                + "reconnect delays keep growing up to {}", config.id(), flapsInARow, config.stablePeriod(),
                                config.maxBackoff());
                    }
                }
            }
            setState(ReaderState.BACKOFF);
            // Full jitter in [backoff/2, backoff): readers that failed together do not retry together.
            long sleep = backoff / 2 + ThreadLocalRandom.current().nextLong(Math.max(1, backoff / 2));
            try {
                Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            }
            backoff = Math.min(backoff * 2, config.maxBackoff().toNanos());
        }
        if (thread == null) {
            setState(ReaderState.DISABLED);
        }
    }

    private void connectAndServe() throws IOException, LlrpDecodeException {
        LlrpLink link = connector.open(CONNECT_TIMEOUT);
        Socket s = link.socket();
        socket = s;
        if (!running) {
            return;
        }
        LlrpChannel c = new LlrpChannel(config.id(), link, messageIds, dispatcher);
        channel = c;
        dispatcher.newConnection();
        closeSentNanos = 0;
        s.setSoTimeout((int) Math.max(LlrpChannel.RESPONSE_TIMEOUT.toMillis(), config.keepalive().toMillis()));

        LlrpHandshake.Outcome outcome = new LlrpHandshake(config, c).run(link.greeted());
        if (!running) {
            return;
        }
        sessions.incrementAndGet();
        lastError = null;
        connectedAtNanos = System.nanoTime();
        setState(ReaderState.CONNECTED);
        log.info("[{}] LLRP session up ({}, peer {}, {} antennas{})", config.id(), connector.describe(), link.peer(),
                outcome.antennas(), outcome.impinj() ? ", Impinj extensions" : "");

        // Short reads, so that a stop and a dead link are both noticed within about a second.
        s.setSoTimeout((int) Math.max(50, Math.min(config.keepalive().toMillis(), 1000)));
        stream(c);
    }

    /** Reads until the reader goes, falls silent, or answers our CLOSE_CONNECTION after a stop. */
    private void stream(LlrpChannel c) throws IOException, LlrpDecodeException {
        long deadAfter = config.keepalive().toNanos() * MISSED_KEEPALIVES;
        while (true) {
            if (!running && (closeSentNanos == 0 || System.nanoTime() - closeSentNanos > CLOSE_TIMEOUT.toNanos())) {
                return;
            }
            byte[] frame;
            try {
                frame = c.read();
            } catch (SocketTimeoutException e) {
                if (running && c.silentForNanos() > deadAfter) {
                    throw new IOException("no message from the reader for " + MISSED_KEEPALIVES
                            + " keepalive periods (" + config.keepalive().toMillis() + " ms each): link presumed dead");
                }
                reads.tick();
                continue;
            }
            if (frame == null) {
                if (!running) {
                    return;
                }
                throw new EOFException("reader closed the connection");
            }
            if (LlrpFrames.type(frame) == LlrpMessageType.CLOSE_CONNECTION_RESPONSE && !running) {
                log.info("[{}] LLRP connection closed", config.id());
                return;
            }
            dispatcher.dispatch(frame, c);
            reads.tick();
        }
    }

    private void closeSocket() {
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing a socket that is already broken: nothing left to do
            }
        }
        channel = null;
    }

    private void setState(ReaderState s) {
        if (state != s) {
            state = s;
            since = clock.instant();
        }
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        if (e instanceof LlrpDecodeException) {
            return "malformed RO_ACCESS_REPORT: " + m;
        }
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
