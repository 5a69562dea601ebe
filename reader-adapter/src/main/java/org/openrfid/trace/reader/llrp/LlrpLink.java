package org.openrfid.trace.reader.llrp;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * One open transport to a reader (plain TCP or TLS, dialled by us or by the reader).
 *
 * @param socket  the socket, for time-outs and closing
 * @param in      buffered input; may already hold bytes read past the greeting
 * @param out     buffered output
 * @param greeted whether the reader's ConnectionAttemptEvent (§13.2.6.11) was already read and accepted
 * @param peer    remote address for log lines
 */
public record LlrpLink(Socket socket, InputStream in, OutputStream out, boolean greeted, String peer) {

    /** Wraps a fresh socket that has not said anything yet. */
    public static LlrpLink of(Socket socket) throws IOException {
        return new LlrpLink(socket, new BufferedInputStream(socket.getInputStream(), 64 * 1024),
                new BufferedOutputStream(socket.getOutputStream(), 8 * 1024), false,
                String.valueOf(socket.getRemoteSocketAddress()));
    }

    LlrpLink asGreeted() {
        return new LlrpLink(socket, in, out, true, peer);
    }

    void closeQuietly() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already broken: nothing to release
        }
    }
}
