package org.openrfid.trace.reader.llrp;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.llrp.ltk.generated.messages.GET_READER_CONFIG_RESPONSE;
import org.llrp.ltk.generated.messages.READER_EVENT_NOTIFICATION;
import org.llrp.ltk.generated.parameters.ConnectionAttemptEvent;
import org.llrp.ltk.generated.parameters.Identification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client side of reader-initiated connections (LLRP 1.0.1 §18.1: the reader may open the TCP
 * connection to the client): one listening port for every reader configured this way.
 *
 * <p>A reader that dials in first sends READER_EVENT_NOTIFICATION with ConnectionAttemptEvent
 * (§13.2.6.11). We then ask GET_READER_CONFIG for Identification (§16.2.6.2 — it lives in the reader
 * configuration, not in the capabilities or the event) and hand the link to the waiting session whose
 * reader id equals the ReaderID (as text, or as hex for MAC/EPC identities); failing that, to the one
 * waiting session whose configured host is the caller's address. Unmatched callers get
 * CLOSE_CONNECTION (§13.1.6) and are hung up on. The matched session then runs the ordinary flow.
 *
 * <p>A caller is only greeted when its address is a source some waiting reader accepts (the reader's
 * configured host, or its {@code allowedAddresses}, e.g. a load balancer's), and the matched reader must
 * accept it too; others are hung up on before a byte is read. Greetings are bounded by {@link DialInGate}.
 */
public final class ReaderInitiatedListener implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReaderInitiatedListener.class);
    /** Our identification request's message ID; the session's own IDs start at 1 on the link it gets. */
    private static final long IDENTIFY_ID = 0x7FFF_0001L;
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final int requestedPort;
    private final DialInGate gate;
    private final Map<String, Slot> waiting = new ConcurrentHashMap<>();
    private volatile ServerSocket server;
    private volatile boolean closed;

    /** A session waiting for its reader: a single-link hand-over slot, and the sources it accepts. */
    private record Slot(String readerId, String host, List<String> allowedAddresses, BlockingQueue<LlrpLink> links) {

        boolean admits(InetAddress from) {
            return resolvesTo(host, from) || allowedAddresses.stream().anyMatch(a -> resolvesTo(a, from));
        }
    }

    /** @param port 0 for an ephemeral port */
    public ReaderInitiatedListener(int port) {
        this(port, DialInGate.Limits.DEFAULTS);
    }

    ReaderInitiatedListener(int port, DialInGate.Limits limits) {
        this.requestedPort = port;
        this.gate = new DialInGate(limits);
    }

    public synchronized ReaderInitiatedListener start() throws IOException {
        if (server != null) {
            return this;
        }
        ServerSocket s = new ServerSocket();
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(requestedPort));
        server = s;
        Thread t = new Thread(this::acceptLoop, "llrp-listen-" + s.getLocalPort());
        t.setDaemon(true);
        t.start();
        log.info("Listening for reader-initiated LLRP connections on port {}", s.getLocalPort());
        return this;
    }

    public int port() {
        ServerSocket s = server;
        return s == null ? -1 : s.getLocalPort();
    }

    /** The connector a session uses to wait for {@code readerId}, expected from {@code host}. */
    public LlrpConnector connectorFor(String readerId, String host) {
        return connectorFor(readerId, host, List.of());
    }

    /**
     * The connector a session uses to wait for {@code readerId}, expected from {@code host} or from one of
     * {@code allowedAddresses} (addresses or host names: a NAT or load balancer in front of the reader).
     */
    public LlrpConnector connectorFor(String readerId, String host, List<String> allowedAddresses) {
        Objects.requireNonNull(readerId, "readerId");
        List<String> allowed = allowedAddresses.stream().map(String::trim).filter(a -> !a.isEmpty()).toList();
        return new LlrpConnector() {
            private final Slot slot = new Slot(readerId, host, allowed, new ArrayBlockingQueue<>(1));

            @Override
            public LlrpLink open(Duration timeout) throws IOException {
                Slot previous = waiting.putIfAbsent(readerId, slot);
                if (previous != null && previous != slot) {
                    throw new IOException("another session already waits for reader " + readerId);
                }
                try {
                    LlrpLink link;
                    do {
                        link = slot.links().poll(1, TimeUnit.SECONDS);
                    } while (link == null && !closed);
                    if (link == null) {
                        throw new IOException("listener on port " + port() + " closed");
                    }
                    return link;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("stopped waiting for reader " + readerId + " to dial in");
                }
            }

            @Override
            public String describe() {
                return "reader-initiated " + readerId + " via port " + port();
            }

            @Override
            public void close() {
                waiting.remove(readerId, slot);
                LlrpLink left = slot.links().poll();
                if (left != null) {
                    left.closeQuietly();
                }
            }
        };
    }

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    log.warn("LLRP listener accept failed: {}", e.toString());
                }
                return;
            }
            if (waiting.values().stream().noneMatch(slot -> slot.admits(s.getInetAddress()))) {
                log.warn("Reader-initiated LLRP connection from {}: no configured reader dials in from there; closing",
                        s.getRemoteSocketAddress());
                closeQuietly(s);
                continue;
            }
            if (!gate.tryEnter()) {
                log.warn("Reader-initiated LLRP connection from {}: {} greetings already in progress; closing",
                        s.getRemoteSocketAddress(), gate.limits().maxConcurrentHandshakes());
                closeQuietly(s);
                continue;
            }
            // Greeting and identification take a round trip; do them off the accept thread.
            Thread t = new Thread(() -> {
                ScheduledFuture<?> deadline = gate.deadline(s);
                try {
                    greet(s);
                } finally {
                    deadline.cancel(false);
                    gate.leave();
                }
            }, "llrp-greet-" + s.getRemoteSocketAddress());
            t.setDaemon(true);
            t.start();
        }
    }

    private void greet(Socket s) {
        LlrpLink link = null;
        try {
            s.setTcpNoDelay(true);
            s.setKeepAlive(true);
            s.setSoTimeout((int) gate.limits().handshakeDeadline().toMillis());
            link = LlrpLink.of(s);
            byte[] readerId = identifyCaller(link);
            Slot slot = match(readerId, s.getInetAddress());
            if (slot != null && !slot.admits(s.getInetAddress())) {
                log.warn("[{}] reader-initiated LLRP connection from {} is not from one of its sources: closing",
                        slot.readerId(), link.peer());
                slot = null;
            }
            if (slot == null) {
                log.warn("Reader-initiated LLRP connection from {} (ReaderID {}) matches no configured reader: closing",
                        link.peer(), readerId == null ? "unknown" : HEX.formatHex(readerId));
                LlrpFrames.write(link.out(), ClientMessages.encode(ClientMessages.closeConnection(), IDENTIFY_ID + 1));
                link.closeQuietly();
                return;
            }
            hand(slot, link.asGreeted());
            log.info("[{}] reader dialled in from {}", slot.readerId(), link.peer());
        } catch (IOException | RuntimeException e) {
            log.warn("Reader-initiated LLRP connection from {} failed during greeting: {}", s.getRemoteSocketAddress(), e.toString());
            if (link != null) {
                link.closeQuietly();
            } else {
                closeQuietly(s);
            }
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }

    /**
     * Everything a caller can make us parse before it is known to be one of our readers: its
     * ConnectionAttemptEvent, then its answer to our identification request.
     *
     * @return the ReaderID bytes, or null when the reader does not tell
     * @throws IOException when the caller says anything else, breaks off, or sends what cannot be LLRP
     */
    byte[] identifyCaller(LlrpLink link) throws IOException {
        expectConnectionAttempt(link);
        return identify(link);
    }

    private void expectConnectionAttempt(LlrpLink link) throws IOException {
        byte[] frame = read(link);
        if (LlrpFrames.type(frame) != LlrpMessageType.READER_EVENT_NOTIFICATION) {
            throw new IOException("expected READER_EVENT_NOTIFICATION first, got message type " + LlrpFrames.type(frame));
        }
        READER_EVENT_NOTIFICATION n = (READER_EVENT_NOTIFICATION) ClientMessages.decode(frame);
        ConnectionAttemptEvent ev = n.getReaderEventNotificationData() == null ? null
                : n.getReaderEventNotificationData().getConnectionAttemptEvent();
        if (ev == null || ev.getStatus().intValue() != 0) {
            throw new IOException("reader did not announce a successful connection attempt: " + (ev == null ? "no event" : ev.getStatus()));
        }
    }

    /** GET_READER_CONFIG(RequestedData=Identification); null when the reader does not tell. */
    private byte[] identify(LlrpLink link) throws IOException {
        LlrpFrames.write(link.out(), ClientMessages.encode(ClientMessages.getIdentification(), IDENTIFY_ID));
        while (true) {
            byte[] frame = read(link);
            int type = LlrpFrames.type(frame);
            if (type == LlrpMessageType.KEEPALIVE) {
                LlrpFrames.write(link.out(), LlrpFrames.headerOnly(LlrpMessageType.KEEPALIVE_ACK, LlrpFrames.messageId(frame)));
                continue;
            }
            if (LlrpFrames.messageId(frame) != IDENTIFY_ID) {
                continue;
            }
            if (type != LlrpMessageType.GET_READER_CONFIG_RESPONSE) {
                return null;
            }
            Identification id = ((GET_READER_CONFIG_RESPONSE) ClientMessages.decode(frame)).getIdentification();
            if (id == null || id.getReaderID() == null) {
                return null;
            }
            byte[] bytes = new byte[id.getReaderID().size()];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) id.getReaderID().get(i).toInteger().intValue();
            }
            return bytes;
        }
    }

    private Slot match(byte[] readerIdField, InetAddress from) {
        if (readerIdField != null && readerIdField.length > 0) {
            byte[] id = readerIdField;
            String text = new String(id, StandardCharsets.UTF_8);
            String hex = HEX.formatHex(id);
            for (Slot s : waiting.values()) {
                String want = s.readerId();
                if (want.equals(text) || want.replaceAll("[:.-]", "").equalsIgnoreCase(hex)) {
                    return s;
                }
            }
        }
        List<Slot> byAddress = waiting.values().stream().filter(s -> resolvesTo(s.host(), from)).toList();
        return byAddress.size() == 1 ? byAddress.get(0) : null;
    }

    private static boolean resolvesTo(String host, InetAddress address) {
        if (host == null || host.isBlank()) {
            return false;
        }
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (a.equals(address)) {
                    return true;
                }
            }
        } catch (UnknownHostException e) {
            return false;
        }
        return false;
    }

    /** A newer call from the same reader replaces a link the session has not taken yet. */
    private static void hand(Slot slot, LlrpLink link) throws IOException {
        link.socket().setSoTimeout(0);
        while (!slot.links().offer(link)) {
            LlrpLink stale = slot.links().poll();
            if (stale != null) {
                stale.closeQuietly();
            }
        }
    }

    /** One greeting frame: small, because the caller is not yet known to be a reader. */
    private byte[] read(LlrpLink link) throws IOException {
        byte[] frame = LlrpFrames.read(link.in(), gate.limits().greetingMaxFrame());
        if (frame == null) {
            throw new IOException("reader hung up during greeting");
        }
        return frame;
    }

    @Override
    public void close() {
        closed = true;
        gate.close();
        ServerSocket s = server;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing: nothing to do
            }
        }
        waiting.values().forEach(slot -> {
            LlrpLink l = slot.links().poll();
            if (l != null) {
                l.closeQuietly();
            }
        });
    }
}
