package org.openrfid.trace.reader.llrp;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.llrp.ltk.exceptions.InvalidLLRPMessageException;
import org.llrp.ltk.generated.LLRPMessageFactory;
import org.llrp.ltk.generated.enumerations.StatusCode;
import org.llrp.ltk.generated.messages.GET_READER_CAPABILITIES_RESPONSE;
import org.llrp.ltk.generated.messages.READER_EVENT_NOTIFICATION;
import org.llrp.ltk.generated.parameters.ConnectionAttemptEvent;
import org.llrp.ltk.generated.parameters.ReaderEventNotificationData;
import org.llrp.ltk.types.LLRPMessage;
import org.openrfid.trace.reader.ReaderState;
import org.openrfid.trace.reader.ReaderStatus;
import org.openrfid.trace.reader.TagRead;
import org.openrfid.trace.reader.TagReadBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client-initiated LLRP 1.0.1 connection to one reader, kept alive for as long as it runs.
 *
 * <p>One daemon thread owns the socket: it connects, waits for the reader's ConnectionAttemptEvent
 * (§13.2.6.11: nothing may be sent before it), configures the reader (§1.5 of our STANDARDS notes:
 * capabilities, reader config with keepalive, clean ROSpec/AccessSpec slate, our ROSpec and
 * optional TID AccessSpec), then streams RO_ACCESS_REPORTs into the sink, one {@link TagReadBatch}
 * per report. Control messages are encoded and decoded with ltkjava; reports go through our own
 * {@link RoAccessReportDecoder}. Any failure — refused connection, error status, missed keepalives,
 * malformed or oversized frame — closes this connection only and retries after an exponential,
 * jittered backoff.
 */
public final class LlrpClientSession {

    private static final Logger log = LoggerFactory.getLogger(LlrpClientSession.class);

    /** A reader that misses this many keepalive periods is considered gone (dead TCP links stay "open"). */
    static final int MISSED_KEEPALIVES = 3;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(1);

    private final LlrpReaderConfig config;
    private final LlrpConnector connector;
    private final Consumer<TagReadBatch> sink;
    private final Clock clock;
    private final RoAccessReportDecoder decoder;
    private final Object writeLock = new Object();
    private final AtomicLong messageIds = new AtomicLong(1);
    private final AtomicLong tagReports = new AtomicLong();
    private final AtomicLong sinkErrors = new AtomicLong();
    private final AtomicLong sessions = new AtomicLong();

    private volatile boolean running;
    private volatile Thread thread;
    private volatile Socket socket;
    private volatile OutputStream out;
    private volatile long closeSentNanos;

    private volatile ReaderState state = ReaderState.DISABLED;
    private volatile Instant since;
    private volatile Instant lastKeepalive;
    private volatile String lastError;
    private volatile long lastFrameNanos;

    private final Object rateLock = new Object();
    private long rateWindowStartNanos = System.nanoTime();
    private long rateWindowReads;
    private volatile double readsPerSecond;

    /** A client-initiated session over plain TCP to {@code config.host():config.port()}. */
    public LlrpClientSession(LlrpReaderConfig config, Consumer<TagReadBatch> sink, Clock clock) {
        this(config, LlrpConnector.tcp(config.host(), config.port()), sink, clock);
    }

    /** A session whose links come from {@code connector}: TLS, or reader-initiated through a listener. */
    public LlrpClientSession(LlrpReaderConfig config, LlrpConnector connector, Consumer<TagReadBatch> sink, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.connector = Objects.requireNonNull(connector, "connector");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
        // These are the fields our ROReportSpec enables, hence subject to §13.2.3 carry-over.
        this.decoder = new RoAccessReportDecoder(EnumSet.allOf(RoAccessReportDecoder.CarriedField.class),
                RoAccessReportDecoder.DEFAULT_TID_OPSPEC_ID, RoAccessReportDecoder.DEFAULT_USER_OPSPEC_ID);
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
            try {
                closeSentNanos = System.nanoTime();
                send(ClientMessages.closeConnection());
                Socket s = socket;
                if (s != null) {
                    s.setSoTimeout(100);
                }
            } catch (IOException | RuntimeException e) {
                log.debug("[{}] could not send CLOSE_CONNECTION: {}", config.id(), e.toString());
            }
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
        updateRate();
        return new ReaderStatus(config.id(), state, lastKeepalive, tagReports.get(), readsPerSecond, lastError, since);
    }

    /** Sink calls that threw; each is logged, and the session carries on. */
    public long sinkErrors() {
        return sinkErrors.get();
    }

    /** How many connections reached the streaming state so far. */
    public long connectionsEstablished() {
        return sessions.get();
    }

    private void run() {
        long backoff = config.initialBackoff().toNanos();
        while (running) {
            setState(ReaderState.CONNECTING);
            long before = sessions.get();
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
            if (sessions.get() > before) {
                backoff = config.initialBackoff().toNanos();
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
        InputStream in = link.in();
        out = link.out();
        decoder.reset();
        closeSentNanos = 0;
        lastFrameNanos = System.nanoTime();
        s.setSoTimeout((int) Math.max(RESPONSE_TIMEOUT.toMillis(), config.keepalive().toMillis()));

        if (!link.greeted()) {
            awaitConnectionAttempt(in);
        }
        LLRPMessage caps = transact(in, ClientMessages.getReaderCapabilities(), LlrpMessageType.GET_READER_CAPABILITIES_RESPONSE);
        int antennas = antennaCount(caps);
        boolean impinj = vendor(caps) == ImpinjExtensions.VENDOR && enableImpinjExtensions(in);
        transact(in, ClientMessages.setReaderConfig(config, impinj), LlrpMessageType.SET_READER_CONFIG_RESPONSE);
        transact(in, ClientMessages.deleteRoSpec(0), LlrpMessageType.DELETE_ROSPEC_RESPONSE);
        transact(in, ClientMessages.deleteAccessSpec(0), LlrpMessageType.DELETE_ACCESSSPEC_RESPONSE);
        transact(in, ClientMessages.addRoSpec(config, antennas, impinj), LlrpMessageType.ADD_ROSPEC_RESPONSE);
        if (config.readTid()) {
            transact(in, ClientMessages.addTidAccessSpec(), LlrpMessageType.ADD_ACCESSSPEC_RESPONSE);
            transact(in, ClientMessages.enableAccessSpec(), LlrpMessageType.ENABLE_ACCESSSPEC_RESPONSE);
        }
        transact(in, ClientMessages.enableRoSpec(), LlrpMessageType.ENABLE_ROSPEC_RESPONSE);
        transact(in, ClientMessages.startRoSpec(), LlrpMessageType.START_ROSPEC_RESPONSE);
        if (!running) {
            return;
        }
        sessions.incrementAndGet();
        lastError = null;
        setState(ReaderState.CONNECTED);
        log.info("[{}] LLRP session up ({}, peer {}, {} antennas{})", config.id(), connector.describe(), link.peer(), antennas,
                impinj ? ", Impinj extensions" : "");

        s.setSoTimeout((int) Math.max(50, Math.min(config.keepalive().toMillis(), 1000)));
        long deadAfter = config.keepalive().toNanos() * MISSED_KEEPALIVES;
        while (true) {
            if (!running && (closeSentNanos == 0 || System.nanoTime() - closeSentNanos > CLOSE_TIMEOUT.toNanos())) {
                return;
            }
            byte[] frame;
            try {
                frame = LlrpFrames.read(in, LlrpFrames.DEFAULT_MAX_FRAME);
            } catch (SocketTimeoutException e) {
                if (running && System.nanoTime() - lastFrameNanos > deadAfter) {
                    throw new IOException("no message from the reader for " + MISSED_KEEPALIVES
                            + " keepalive periods (" + config.keepalive().toMillis() + " ms each): link presumed dead");
                }
                updateRate();
                continue;
            }
            if (frame == null) {
                if (!running) {
                    return;
                }
                throw new EOFException("reader closed the connection");
            }
            lastFrameNanos = System.nanoTime();
            if (LlrpFrames.type(frame) == LlrpMessageType.CLOSE_CONNECTION_RESPONSE && !running) {
                log.info("[{}] LLRP connection closed", config.id());
                return;
            }
            dispatch(frame);
            updateRate();
        }
    }

    private void awaitConnectionAttempt(InputStream in) throws IOException {
        byte[] frame = readOrFail(in);
        if (LlrpFrames.type(frame) != LlrpMessageType.READER_EVENT_NOTIFICATION) {
            throw new IOException("expected READER_EVENT_NOTIFICATION first, got message type " + LlrpFrames.type(frame));
        }
        ReaderEventNotificationData data = ((READER_EVENT_NOTIFICATION) decodeControl(frame)).getReaderEventNotificationData();
        ConnectionAttemptEvent event = data == null ? null : data.getConnectionAttemptEvent();
        if (event == null) {
            throw new IOException("first READER_EVENT_NOTIFICATION has no ConnectionAttemptEvent");
        }
        if (event.getStatus().intValue() != 0) {
            throw new IOException("reader refused the connection: " + event.getStatus());
        }
    }

    /** Sends a request and reads until its response (same message ID), handling anything in between. */
    private LLRPMessage transact(InputStream in, LLRPMessage request, int responseType) throws IOException, LlrpDecodeException {
        long id = send(request);
        long deadline = System.nanoTime() + RESPONSE_TIMEOUT.toNanos();
        while (true) {
            if (System.nanoTime() > deadline) {
                throw new IOException("no " + request.getName() + " response within " + RESPONSE_TIMEOUT.toMillis() + " ms");
            }
            byte[] frame = readOrFail(in);
            lastFrameNanos = System.nanoTime();
            int type = LlrpFrames.type(frame);
            if ((type == responseType || type == LlrpMessageType.ERROR_MESSAGE) && LlrpFrames.messageId(frame) == id) {
                checkStatus(request.getName(), frame);
                return decodeControl(frame);
            }
            dispatch(frame);
        }
    }

    private byte[] readOrFail(InputStream in) throws IOException {
        byte[] frame = LlrpFrames.read(in, LlrpFrames.DEFAULT_MAX_FRAME);
        if (frame == null) {
            throw new EOFException("reader closed the connection during set-up");
        }
        return frame;
    }

    /** Every *_RESPONSE and ERROR_MESSAGE starts with LLRPStatus (§16.2.8.1): u16 StatusCode, utf8v description. */
    private void checkStatus(String request, byte[] frame) throws IOException {
        int p = LlrpFrames.HEADER_LENGTH;
        if (frame.length < p + 8 || (((frame[p] & 0x03) << 8) | (frame[p + 1] & 0xFF)) != 287) {
            throw new IOException(request + ": response without LLRPStatus");
        }
        int code = ((frame[p + 4] & 0xFF) << 8) | (frame[p + 5] & 0xFF);
        if (code == 0 && LlrpFrames.type(frame) != LlrpMessageType.ERROR_MESSAGE) {
            return;
        }
        int len = ((frame[p + 6] & 0xFF) << 8) | (frame[p + 7] & 0xFF);
        String text = new String(frame, p + 8, Math.min(len, frame.length - p - 8), StandardCharsets.UTF_8);
        String msg = request + " failed: " + statusName(code) + (text.isEmpty() ? "" : " (" + text + ")");
        log.warn("[{}] {}", config.id(), msg);
        throw new IOException(msg);
    }

    private void dispatch(byte[] frame) throws IOException, LlrpDecodeException {
        switch (LlrpFrames.type(frame)) {
            case LlrpMessageType.RO_ACCESS_REPORT -> report(frame);
            case LlrpMessageType.KEEPALIVE -> {
                // §13.1.13: answer with KEEPALIVE_ACK carrying the same message ID.
                sendRaw(LlrpFrames.headerOnly(LlrpMessageType.KEEPALIVE_ACK, LlrpFrames.messageId(frame)));
                lastKeepalive = clock.instant();
            }
            case LlrpMessageType.READER_EVENT_NOTIFICATION -> event(frame);
            case LlrpMessageType.ERROR_MESSAGE -> {
                int code = frame.length >= 16 ? ((frame[14] & 0xFF) << 8) | (frame[15] & 0xFF) : -1;
                lastError = "ERROR_MESSAGE " + statusName(code);
                log.warn("[{}] reader sent ERROR_MESSAGE {} for message {}", config.id(), statusName(code), LlrpFrames.messageId(frame));
            }
            default -> log.debug("[{}] ignoring LLRP message type {}", config.id(), LlrpFrames.type(frame));
        }
    }

    private void report(byte[] frame) throws LlrpDecodeException {
        long receivedAt = micros(clock.instant());
        List<TagRead> reads = new ArrayList<>();
        String id = config.id();
        decoder.decode(frame, 0, frame.length, tag -> reads.add(tag.toTagRead(id, receivedAt)));
        if (reads.isEmpty()) {
            return;
        }
        tagReports.addAndGet(reads.size());
        try {
            sink.accept(new TagReadBatch(id, reads));
        } catch (RuntimeException e) {
            sinkErrors.incrementAndGet();
            log.error("[{}] tag read sink failed on a batch of {} reads", id, reads.size(), e);
        }
    }

    private void event(byte[] frame) {
        try {
            ReaderEventNotificationData data = ((READER_EVENT_NOTIFICATION) decodeControl(frame)).getReaderEventNotificationData();
            if (data != null && data.getConnectionCloseEvent() != null) {
                log.info("[{}] reader announced it is closing the connection", config.id());
            } else if (data != null && data.getReaderExceptionEvent() != null) {
                log.warn("[{}] reader exception event: {}", config.id(), data.getReaderExceptionEvent().getMessage());
            } else {
                log.debug("[{}] reader event", config.id());
            }
        } catch (IOException | RuntimeException e) {
            log.debug("[{}] undecodable reader event: {}", config.id(), e.toString());
        }
    }

    /**
     * IMPINJ_ENABLE_EXTENSIONS (CUSTOM_MESSAGE subtype 21) must precede any Impinj parameter. A reader
     * that answers with an error (an Impinj-branded reader without Octane extensions) is driven as a
     * plain LLRP reader rather than failing the session.
     */
    private boolean enableImpinjExtensions(InputStream in) throws IOException, LlrpDecodeException {
        long id = send(ImpinjExtensions.enableExtensions());
        long deadline = System.nanoTime() + RESPONSE_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            byte[] frame = readOrFail(in);
            lastFrameNanos = System.nanoTime();
            int type = LlrpFrames.type(frame);
            if (LlrpFrames.messageId(frame) == id && type == LlrpMessageType.CUSTOM_MESSAGE) {
                // u32 vendor, u8 subtype 22, then LLRPStatus (TLV 287): StatusCode at +4 of the parameter.
                int p = LlrpFrames.HEADER_LENGTH + 5;
                boolean ok = frame.length >= p + 8 && (frame[LlrpFrames.HEADER_LENGTH + 4] & 0xFF) == ImpinjExtensions.ENABLE_EXTENSIONS_RESPONSE
                        && (((frame[p] & 0x03) << 8) | (frame[p + 1] & 0xFF)) == 287 && frame[p + 4] == 0 && frame[p + 5] == 0;
                if (!ok) {
                    log.warn("[{}] reader refused IMPINJ_ENABLE_EXTENSIONS: using plain LLRP", config.id());
                }
                return ok;
            }
            if (LlrpFrames.messageId(frame) == id && type == LlrpMessageType.ERROR_MESSAGE) {
                log.warn("[{}] reader answered IMPINJ_ENABLE_EXTENSIONS with ERROR_MESSAGE: using plain LLRP", config.id());
                return false;
            }
            dispatch(frame);
        }
        throw new IOException("no IMPINJ_ENABLE_EXTENSIONS response within " + RESPONSE_TIMEOUT.toMillis() + " ms");
    }

    private static long vendor(LLRPMessage caps) {
        if (caps instanceof GET_READER_CAPABILITIES_RESPONSE r && r.getGeneralDeviceCapabilities() != null
                && r.getGeneralDeviceCapabilities().getDeviceManufacturerName() != null) {
            return r.getGeneralDeviceCapabilities().getDeviceManufacturerName().toLong();
        }
        return -1;
    }

    private int antennaCount(LLRPMessage caps) {
        if (caps instanceof GET_READER_CAPABILITIES_RESPONSE r && r.getGeneralDeviceCapabilities() != null
                && r.getGeneralDeviceCapabilities().getMaxNumberOfAntennaSupported() != null) {
            return r.getGeneralDeviceCapabilities().getMaxNumberOfAntennaSupported().intValue();
        }
        return 0;
    }

    private LLRPMessage decodeControl(byte[] frame) throws IOException {
        try {
            return LLRPMessageFactory.createLLRPMessage(frame);
        } catch (InvalidLLRPMessageException | RuntimeException e) {
            throw new IOException("undecodable LLRP message type " + LlrpFrames.type(frame) + ": " + e.getMessage(), e);
        }
    }

    private long send(LLRPMessage msg) throws IOException {
        long id = messageIds.getAndIncrement() & 0xFFFFFFFFL;
        sendRaw(ClientMessages.encode(msg, id));
        return id;
    }

    private void sendRaw(byte[] frame) throws IOException {
        OutputStream o = out;
        if (o == null) {
            throw new IOException("not connected");
        }
        synchronized (writeLock) {
            LlrpFrames.write(o, frame);
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
        out = null;
    }

    private void setState(ReaderState s) {
        if (state != s) {
            state = s;
            since = clock.instant();
        }
    }

    private void updateRate() {
        synchronized (rateLock) {
            long now = System.nanoTime();
            long elapsed = now - rateWindowStartNanos;
            if (elapsed >= 1_000_000_000L) {
                long total = tagReports.get();
                readsPerSecond = (total - rateWindowReads) * 1e9 / elapsed;
                rateWindowReads = total;
                rateWindowStartNanos = now;
            }
        }
    }

    private static String statusName(int code) {
        try {
            return new StatusCode(code).toString() + "(" + code + ")";
        } catch (RuntimeException e) {
            return "status " + code;
        }
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        if (e instanceof LlrpDecodeException) {
            return "malformed RO_ACCESS_REPORT: " + m;
        }
        return m == null ? e.getClass().getSimpleName() : m;
    }

    static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }
}
