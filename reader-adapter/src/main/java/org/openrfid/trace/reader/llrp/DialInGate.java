package org.openrfid.trace.reader.llrp;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * What a caller on the reader-initiated port may cost before it has identified itself as a configured
 * reader: a bounded number of greetings at a time, a deadline for the whole greeting (a reader that
 * trickles bytes is hung up on, not only one that stalls), and small frames. Anyone who can reach the
 * port can dial it, so none of this may depend on the caller behaving.
 */
final class DialInGate {

    /**
     * @param maxConcurrentHandshakes greetings in progress at once; callers beyond are hung up on at once
     * @param handshakeDeadline       time from accept to identified reader
     * @param greetingMaxFrame        largest frame read before the reader is identified (the greeting
     *                                messages are a few hundred bytes; the 16 MiB session limit applies after)
     */
    record Limits(int maxConcurrentHandshakes, Duration handshakeDeadline, int greetingMaxFrame) {

        static final Limits DEFAULTS = new Limits(16, Duration.ofSeconds(10), 64 * 1024);

        Limits {
            if (maxConcurrentHandshakes < 1 || greetingMaxFrame < LlrpFrames.HEADER_LENGTH || handshakeDeadline.isNegative()
                    || handshakeDeadline.isZero()) {
                throw new IllegalArgumentException("dial-in limits must be positive: " + maxConcurrentHandshakes + ", "
                        + handshakeDeadline + ", " + greetingMaxFrame);
            }
        }
    }

    private final Limits limits;
    private final Semaphore greetings;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "llrp-dial-in-deadlines");
        t.setDaemon(true);
        return t;
    });

    DialInGate(Limits limits) {
        this.limits = limits;
        this.greetings = new Semaphore(limits.maxConcurrentHandshakes());
    }

    Limits limits() {
        return limits;
    }

    /** A place among the greetings in progress, or false when all are taken. */
    boolean tryEnter() {
        return greetings.tryAcquire();
    }

    void leave() {
        greetings.release();
    }

    /** Closes the socket when the greeting is not done by the deadline; cancel the result once it is. */
    ScheduledFuture<?> deadline(Socket socket) {
        return deadlines.schedule(() -> {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }, limits.handshakeDeadline().toMillis(), TimeUnit.MILLISECONDS);
    }

    void close() {
        deadlines.shutdownNow();
    }
}
