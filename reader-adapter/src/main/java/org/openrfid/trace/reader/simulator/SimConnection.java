package org.openrfid.trace.reader.simulator;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.llrp.ltk.generated.enumerations.ConnectionAttemptStatusType;
import org.llrp.ltk.generated.enumerations.StatusCode;
import org.llrp.ltk.generated.messages.ERROR_MESSAGE;
import org.openrfid.trace.reader.llrp.LlrpFrames;
import org.openrfid.trace.reader.llrp.LlrpMessageType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection to a simulated reader: the greeting, a read loop that hands each message to
 * its {@link MessageHandler}, and the writes — answers, reports and keepalives — from whichever thread
 * makes them. Also what belongs to the connection rather than the reader: keepalives left unanswered,
 * whether Impinj extensions are on, and the values a report may leave out as unchanged.
 */
final class SimConnection {

    private static final Logger log = LoggerFactory.getLogger(SimConnection.class);
    /** A client that leaves this many KEEPALIVEs unanswered is gone; a reader then drops it. */
    private static final int MAX_UNACKED_KEEPALIVES = 5;

    private final SimulatedReader reader;
    private final Socket socket;
    private final OutputStream out;
    private final AtomicLong ids = new AtomicLong(1_000_000);
    private final AtomicInteger unacked = new AtomicInteger();
    /** Last values sent on this connection, for omitting unchanged fields (§13.2.3). */
    private final SimMessages.Carry carry = new SimMessages.Carry();
    /** Reports without the omit-unchanged fault skip ltkjava (same bytes, a fraction of the cost); player thread only. */
    private final ReportEncoder reports = new ReportEncoder();
    private volatile boolean impinjExtensions;
    private volatile boolean closed;

    SimConnection(SimulatedReader reader, Socket socket) throws IOException {
        this.reader = reader;
        this.socket = socket;
        this.out = socket.getOutputStream();
    }

    /** Tells a client the reader will not take it (ConnectionAttemptEvent with {@code status}), then hangs up. */
    static void refuse(Socket s, int status, long nowMicros) {
        try {
            LlrpFrames.write(s.getOutputStream(), SimMessages.encode(SimMessages.connectionAttempt(status, nowMicros), 0));
        } catch (IOException e) {
            // the refused client left already
        } finally {
            SimulatedReader.closeQuietly(s);
        }
    }

    void start() {
        sendRaw(SimMessages.encode(SimMessages.connectionAttempt(ConnectionAttemptStatusType.Success,
                SimulatedReader.nowMicros()), 0));
        Thread t = new Thread(this::readLoop, "llrp-sim-conn-" + reader.identity().id());
        t.setDaemon(true);
        t.start();
    }

    private void readLoop() {
        try (InputStream in = new BufferedInputStream(socket.getInputStream())) {
            while (!closed) {
                byte[] frame = LlrpFrames.read(in, LlrpFrames.DEFAULT_MAX_FRAME);
                if (frame == null) {
                    break;
                }
                // A stalled reader neither answers nor acts; it catches up when it wakes.
                reader.awaitStallEnd();
                if (!handle(frame)) {
                    break;
                }
            }
        } catch (IOException e) {
            if (!closed) {
                log.debug("[sim {}] client connection ended: {}", reader.identity().id(), e.toString());
            }
        } finally {
            abort();
        }
    }

    /** @return false when the connection is to close */
    private boolean handle(byte[] frame) {
        ClientRequest request = new ClientRequest(frame, this, reader.state(), reader.identity());
        try {
            synchronized (reader.state()) {
                MessageHandlers.forType(request.type()).handle(request);
            }
        } catch (ClientRequest.UndecodableException e) {
            sendError(request.messageId(), StatusCode.M_ParameterError,
                    "cannot decode message type " + request.type() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            log.warn("[sim {}] failed to handle {}: {}", reader.identity().id(), request.name(), e.toString());
            sendError(request.messageId(), StatusCode.R_DeviceError, "simulator failure: " + e.getMessage());
        }
        return !request.closesConnection();
    }

    boolean impinjExtensionsEnabled() {
        return impinjExtensions;
    }

    void enableImpinjExtensions() {
        impinjExtensions = true;
    }

    void keepaliveAcknowledged() {
        unacked.set(0);
    }

    void sendError(long messageId, int code, String text) {
        log.debug("[sim {}] ERROR_MESSAGE {}: {}", reader.identity().id(), code, text);
        ERROR_MESSAGE e = new ERROR_MESSAGE();
        e.setLLRPStatus(SimMessages.status(code, text));
        sendRaw(SimMessages.encode(e, messageId));
    }

    void sendKeepalive() {
        if (unacked.incrementAndGet() > MAX_UNACKED_KEEPALIVES) {
            log.info("[sim {}] client stopped answering keepalives: closing", reader.identity().id());
            abort();
            return;
        }
        sendRaw(LlrpFrames.headerOnly(LlrpMessageType.KEEPALIVE, ids.getAndIncrement()));
    }

    void sendReport(List<SimMessages.Observation> batch, ReportSelector sel, int tidOpSpecId) {
        SimOptions options = reader.options();
        byte[] frame;
        try {
            frame = options.omitUnchanged()
                    ? SimMessages.encode(SimMessages.report(batch, sel, tidOpSpecId, options, carry), ids.getAndIncrement())
                    : reports.encode(batch, sel, tidOpSpecId, options.epcBits(), ids.getAndIncrement());
        } catch (RuntimeException e) {
            log.warn("[sim {}] dropping a report of {} reads that cannot be encoded: {}", reader.identity().id(), batch.size(), e.toString());
            return;
        }
        sendRaw(frame);
    }

    void sendRaw(byte[] frame) {
        if (closed) {
            return;
        }
        try {
            synchronized (out) {
                LlrpFrames.write(out, frame);
            }
        } catch (IOException e) {
            log.debug("[sim {}] send failed: {}", reader.identity().id(), e.toString());
            abort();
        }
    }

    void abort() {
        closed = true;
        SimulatedReader.closeQuietly(socket);
        reader.connectionEnded(this);
    }
}
