package org.openrfid.trace.reader.llrp;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.llrp.ltk.generated.enumerations.ConnectionAttemptStatusType;
import org.llrp.ltk.generated.messages.READER_EVENT_NOTIFICATION;
import org.llrp.ltk.generated.parameters.ConnectionAttemptEvent;
import org.llrp.ltk.generated.parameters.ReaderEventNotificationData;
import org.llrp.ltk.generated.parameters.UTCTimestamp;
import org.llrp.ltk.types.UnsignedLong_DATETIME;

/**
 * A reader reduced to what a test needs to control byte by byte: a real {@link ServerSocket} on
 * 127.0.0.1 that greets each client with a successful ConnectionAttemptEvent, answers every set-up
 * request with a bare success LLRPStatus (response type = request type + 10), and once START_ROSPEC is
 * answered hands the connection to the test's {@link Script}. One client at a time, like a reader.
 */
final class FakeReader implements AutoCloseable {

    /** What the reader does once the client's set-up is done; returning closes the connection. */
    interface Script {
        void run(Connection c) throws Exception;
    }

    private final ServerSocket server;
    private final Script script;
    private final List<Long> acceptedNanos = new CopyOnWriteArrayList<>();
    private final List<Long> droppedNanos = new CopyOnWriteArrayList<>();
    private final AtomicInteger setUps = new AtomicInteger();
    private volatile boolean closed;

    FakeReader(Script script) throws IOException {
        this.script = script;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "fake-reader-" + server.getLocalPort());
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** System.nanoTime() of each accepted connection, in order. */
    List<Long> acceptedNanos() {
        return List.copyOf(acceptedNanos);
    }

    /** System.nanoTime() at which the reader closed each connection, in order. */
    List<Long> droppedNanos() {
        return List.copyOf(droppedNanos);
    }

    /** Connections whose set-up reached START_ROSPEC_RESPONSE. */
    int setUps() {
        return setUps.get();
    }

    private void acceptLoop() {
        while (!closed) {
            try (Socket s = server.accept()) {
                acceptedNanos.add(System.nanoTime());
                s.setTcpNoDelay(true);
                Connection c = new Connection(s);
                if (c.setUp()) {
                    setUps.incrementAndGet();
                    script.run(c);
                }
            } catch (Exception e) {
                // the client went away or the test closed us: next one
            } finally {
                if (!closed) {
                    droppedNanos.add(System.nanoTime());
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
    }

    /** One client connection, as the script sees it. */
    static final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private long ids = 5000;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
        }

        /** Greets and answers set-up; false when the client hung up first. */
        boolean setUp() throws IOException {
            send(ClientMessages.encode(connectionAttempt(), 0));
            while (true) {
                byte[] frame = LlrpFrames.read(in, LlrpFrames.DEFAULT_MAX_FRAME);
                if (frame == null) {
                    return false;
                }
                int type = LlrpFrames.type(frame);
                if (type == LlrpMessageType.KEEPALIVE_ACK) {
                    continue;
                }
                int answer = type == LlrpMessageType.CLOSE_CONNECTION ? LlrpMessageType.CLOSE_CONNECTION_RESPONSE : type + 10;
                send(success(answer, LlrpFrames.messageId(frame)));
                if (type == LlrpMessageType.START_ROSPEC) {
                    return true;
                }
            }
        }

        void send(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        void sendKeepalive() throws IOException {
            send(LlrpFrames.headerOnly(LlrpMessageType.KEEPALIVE, ids++));
        }

        /** Reads (and drops) whatever the client sends until it hangs up or {@code millis} pass. */
        void drainFor(long millis) throws IOException {
            socket.setSoTimeout((int) Math.max(1, millis));
            try {
                while (in.read() >= 0) {
                    // KEEPALIVE_ACKs and the like
                }
            } catch (java.net.SocketTimeoutException e) {
                // time is up
            }
        }
    }

    static READER_EVENT_NOTIFICATION connectionAttempt() {
        ReaderEventNotificationData data = new ReaderEventNotificationData();
        UTCTimestamp ts = new UTCTimestamp();
        ts.setMicroseconds(new UnsignedLong_DATETIME(System.currentTimeMillis() * 1000));
        data.setTimestamp(ts);
        ConnectionAttemptEvent ev = new ConnectionAttemptEvent();
        ev.setStatus(new ConnectionAttemptStatusType(ConnectionAttemptStatusType.Success));
        data.setConnectionAttemptEvent(ev);
        READER_EVENT_NOTIFICATION m = new READER_EVENT_NOTIFICATION();
        m.setReaderEventNotificationData(data);
        return m;
    }

    /** A response holding only LLRPStatus(M_Success) with an empty description. */
    static byte[] success(int type, long messageId) {
        return ByteBuffer.allocate(18).putShort((short) ((1 << 10) | type)).putInt(18).putInt((int) messageId)
                .putShort((short) LlrpStatus.PARAMETER_TYPE).putShort((short) 8).putShort((short) 0).putShort((short) 0)
                .array();
    }

    /**
     * RO_ACCESS_REPORT with one TagReportData: EPC-96 (TV 13) and AntennaID (TV 1), 30 bytes in all.
     */
    static byte[] report(String epc96Hex, int antenna, long messageId) {
        byte[] epc = java.util.HexFormat.of().parseHex(epc96Hex);
        return ByteBuffer.allocate(30).putShort((short) ((1 << 10) | LlrpMessageType.RO_ACCESS_REPORT)).putInt(30)
                .putInt((int) messageId)
                .putShort((short) 240).putShort((short) 20)
                .put((byte) (0x80 | 13)).put(epc)
                .put((byte) (0x80 | 1)).putShort((short) antenna)
                .array();
    }
}
