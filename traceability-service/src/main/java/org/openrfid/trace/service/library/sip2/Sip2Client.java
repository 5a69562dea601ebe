package org.openrfid.trace.service.library.sip2;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A SIP2 client over TCP for one question at a time: connect, log in when a user is configured, ask,
 * read the answer up to its carriage return, close. Everything together must fit in {@code timeout};
 * a gate cannot wait longer than that before it decides, so any failure is an empty answer, not an error.
 * A connection per question keeps it simple and correct after the library system restarts; gate passages
 * of library items are a few a minute.
 */
public class Sip2Client {

    /** A message longer than this is not SIP2 (the protocol's answers are a few hundred characters). */
    static final int MAX_MESSAGE = 16 * 1024;

    public record Settings(String host, int port, Duration timeout, String institution, String terminalPassword,
                           boolean errorDetection, String loginUser, String loginPassword, String locationCode) {
    }

    private final Settings settings;
    private final Clock clock;
    private final AtomicInteger sequence = new AtomicInteger();

    public Sip2Client(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The library system's Item Information for the item, or empty when it did not answer well in time. */
    public Optional<ItemInformation> itemInformation(String itemId) {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(settings.host(), settings.port()), remainingMillis(deadline));
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            if (settings.loginUser() != null && !settings.loginUser().isBlank()) {
                String login = exchange(socket, in, out, Sip2Messages.login(settings.loginUser(), settings.loginPassword(),
                        settings.locationCode()), deadline);
                if (login == null || !Sip2Messages.loginOk(login)) {
                    return Optional.empty();
                }
            }
            String answer = exchange(socket, in, out, Sip2Messages.itemInformation(clock.instant(), settings.institution(), itemId,
                    settings.terminalPassword()), deadline);
            return answer == null ? Optional.empty() : Sip2Messages.parseItemInformation(answer)
                    .filter(info -> info.itemIdentifier() == null || info.itemIdentifier().equals(itemId));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Sends one message and reads one answer; null when the answer's checksum is wrong. */
    private String exchange(Socket socket, InputStream in, OutputStream out, String body, long deadline) throws IOException {
        String message = settings.errorDetection() ? Sip2Checksum.seal(body, sequence.getAndIncrement()) : body;
        out.write((message + "\r").getBytes(StandardCharsets.UTF_8));
        out.flush();
        String answer = readMessage(socket, in, deadline);
        if (settings.errorDetection() && Sip2Checksum.sealed(answer) && !Sip2Checksum.valid(answer)) {
            return null;
        }
        return answer;
    }

    private static String readMessage(Socket socket, InputStream in, long deadline) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
        while (true) {
            socket.setSoTimeout(remainingMillis(deadline));
            int b = in.read();
            if (b < 0) {
                throw new IOException("the library system closed the connection mid-answer");
            }
            if (b == '\r' || b == '\n') {
                if (buffer.size() == 0) {
                    continue; // a line feed after the previous carriage return
                }
                return buffer.toString(StandardCharsets.UTF_8);
            }
            if (buffer.size() == MAX_MESSAGE) {
                throw new IOException("no SIP2 message terminator within " + MAX_MESSAGE + " bytes");
            }
            buffer.write(b);
        }
    }

    private static int remainingMillis(long deadline) throws SocketTimeoutException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new SocketTimeoutException("SIP2 answer not in time");
        }
        return (int) Math.min(left, Integer.MAX_VALUE);
    }
}
