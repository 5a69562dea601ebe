package org.openrfid.trace.reader.camel;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;
import org.openrfid.trace.reader.ReaderStatusBoard;

/**
 * Camel component {@code llrp}: {@code from("llrp:<readerId>?host=..&port=5084&keepaliveMs=..&reportEveryMs=..&readTid=..")}
 * keeps an LLRP session to the reader and emits one exchange per report, body {@link
 * org.openrfid.trace.reader.TagReadBatch}, header {@value LlrpEndpoint#READER_ID_HEADER}. Live
 * sessions appear on the component's {@link ReaderStatusBoard}.
 */
public class LlrpComponent extends DefaultComponent {

    private ReaderStatusBoard statusBoard = new ReaderStatusBoard();

    public ReaderStatusBoard getStatusBoard() {
        return statusBoard;
    }

    /** Share one board between components or with the application's health checks. */
    public void setStatusBoard(ReaderStatusBoard statusBoard) {
        this.statusBoard = statusBoard;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("llrp endpoint needs a reader id: llrp:<readerId>?host=..&port=..");
        }
        LlrpEndpoint endpoint = new LlrpEndpoint(uri, this, remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
