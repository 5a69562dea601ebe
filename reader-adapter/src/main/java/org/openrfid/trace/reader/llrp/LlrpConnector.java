package org.openrfid.trace.reader.llrp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * How a session gets its transport: by dialling the reader (client-initiated, LLRP 1.0.1 §18.1, plain
 * on 5084 or TLS on 5085) or by waiting for the reader to dial us (reader-initiated, see
 * {@link ReaderInitiatedListener}).
 */
public interface LlrpConnector {

    /**
     * Opens the next link. Blocks at most {@code timeout} when dialling; a reader-initiated connector
     * blocks until the reader calls in (interrupt the thread to give up).
     */
    LlrpLink open(Duration timeout) throws IOException;

    /** For log lines: where the link goes. */
    String describe();

    /** Releases what the connector holds (e.g. its slot on a listener). */
    default void close() {
    }

    static LlrpConnector tcp(String host, int port) {
        return new Dial(host, port, null, false);
    }

    /**
     * TLS on top of TCP. LLRP 1.0.1 has no TLS of its own; readers (Impinj on 5085) run plain LLRP inside
     * a TLS session, so the only difference to {@link #tcp} is the handshake before the first frame.
     */
    static LlrpConnector tls(String host, int port, SSLContext context) {
        return tls(host, port, context, true);
    }

    /**
     * @param verifyHostName whether the reader's certificate must name {@code host} (SAN), as HTTPS clients
     *                       check it; without, any reader the trust store trusts could answer for any other
     */
    static LlrpConnector tls(String host, int port, SSLContext context, boolean verifyHostName) {
        return new Dial(host, port, Objects.requireNonNull(context, "TLS context"), verifyHostName);
    }

    /** A connector that dials {@code host:port}, with TLS when {@code tls} is not null. */
    record Dial(String host, int port, SSLContext tls, boolean verifyHostName) implements LlrpConnector {

        @Override
        public LlrpLink open(Duration timeout) throws IOException {
            Socket plain = new Socket();
            try {
                plain.setTcpNoDelay(true);
                plain.setKeepAlive(true);
                plain.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
                if (tls == null) {
                    return LlrpLink.of(plain);
                }
                SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(plain, host, port, true);
                if (verifyHostName) {
                    SSLParameters parameters = s.getSSLParameters();
                    parameters.setEndpointIdentificationAlgorithm("HTTPS");
                    s.setSSLParameters(parameters);
                }
                s.setSoTimeout((int) timeout.toMillis());
                // Handshake now, so certificate problems surface as a connect failure with a clear message.
                s.startHandshake();
                return LlrpLink.of(s);
            } catch (IOException | RuntimeException e) {
                plain.close();
                throw e;
            }
        }

        @Override
        public String describe() {
            return (tls == null ? "" : "tls://") + host + ":" + port;
        }
    }
}
