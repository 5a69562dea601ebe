package org.openrfid.trace.reader.camel;

import java.io.IOException;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;
import org.openrfid.trace.reader.ReaderStatusBoard;
import org.openrfid.trace.reader.llrp.ConnectionMode;
import org.openrfid.trace.reader.llrp.LlrpReaderConfig;
import org.openrfid.trace.reader.llrp.ReaderInitiatedListener;

/**
 * Camel component {@code llrp}: {@code from("llrp:<readerId>?host=..&port=5084&keepaliveMs=..&reportEveryMs=..&readTid=..")}
 * keeps an LLRP session to the reader and emits one exchange per report, body {@link
 * org.openrfid.trace.reader.TagReadBatch}, header {@value LlrpEndpoint#READER_ID_HEADER}. Live
 * sessions appear on the component's {@link ReaderStatusBoard}.
 *
 * <p>{@code tls=true} dials with the component's {@link #setClientTls client TLS context} (the JDK's
 * default trust when none is set); {@code connection=READER_INITIATED} waits for the reader on the
 * component's listener ({@link #setListenPort listenPort}, 5084 unless set), started with the first
 * such endpoint. Secrets stay out of URIs: key and trust stores are component configuration.
 *
 * <p>Endpoints read the TID bank (the chip serial, which the clone checks need) unless the component's
 * {@link #setReadTid readTid} or the endpoint's {@code readTid=false} says otherwise.
 */
public class LlrpComponent extends DefaultComponent {

    private ReaderStatusBoard statusBoard = new ReaderStatusBoard();
    private SSLContext clientTls;
    private boolean verifyHostName = true;
    private int listenPort = LlrpReaderConfig.DEFAULT_PORT;
    private boolean readTid = true;
    private ReaderInitiatedListener listener;

    public ReaderStatusBoard getStatusBoard() {
        return statusBoard;
    }

    /** Share one board between components or with the application's health checks. */
    public void setStatusBoard(ReaderStatusBoard statusBoard) {
        this.statusBoard = statusBoard;
    }

    public SSLContext getClientTls() {
        return clientTls;
    }

    /** Trust (and optional client key) for {@code tls=true} endpoints; see {@code LlrpTls.context}. */
    public void setClientTls(SSLContext clientTls) {
        this.clientTls = clientTls;
    }

    public int getListenPort() {
        return listenPort;
    }

    /** Port for reader-initiated connections (0 = ephemeral, for tests); effective before the listener starts. */
    public void setListenPort(int listenPort) {
        this.listenPort = listenPort;
    }

    /** The reader-initiated listener, started on first use. */
    public synchronized ReaderInitiatedListener listener() throws IOException {
        if (listener == null) {
            listener = new ReaderInitiatedListener(listenPort).start();
        }
        return listener;
    }

    public boolean isVerifyHostName() {
        return verifyHostName;
    }

    /** Whether a TLS reader's certificate must name the host it is dialled at (true unless set otherwise). */
    public void setVerifyHostName(boolean verifyHostName) {
        this.verifyHostName = verifyHostName;
    }

    public boolean isReadTid() {
        return readTid;
    }

    /** The default of the endpoints' {@code readTid} (true unless set otherwise); an endpoint's URI still decides for itself. */
    public void setReadTid(boolean readTid) {
        this.readTid = readTid;
    }

    /** The readers' trust: there is none by default, because the JDK's public CAs do not vouch for readers. */
    SSLContext requireClientTls(String readerId) {
        if (clientTls == null) {
            throw new IllegalStateException("reader " + readerId + ": tls=true needs the llrp component's clientTls"
                    + " (rfid.llrp.tls.trust-store): no trust store, no TLS reader");
        }
        return clientTls;
    }

    @Override
    protected synchronized void doStop() throws Exception {
        if (listener != null) {
            listener.close();
            listener = null;
        }
        super.doStop();
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("llrp endpoint needs a reader id: llrp:<readerId>?host=..&port=..");
        }
        LlrpEndpoint endpoint = new LlrpEndpoint(uri, this, remaining);
        endpoint.setReadTid(readTid);
        setProperties(endpoint, parameters);
        if (endpoint.isTls() && endpoint.getConnection() == ConnectionMode.READER_INITIATED) {
            throw new IllegalArgumentException("llrp:" + remaining + ": TLS is supported on client-initiated connections only");
        }
        return endpoint;
    }
}
