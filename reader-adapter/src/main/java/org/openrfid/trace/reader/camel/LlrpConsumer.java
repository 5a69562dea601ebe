package org.openrfid.trace.reader.camel;

import java.time.Clock;
import java.util.function.Supplier;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.openrfid.trace.reader.ReaderStatus;
import org.openrfid.trace.reader.TagReadBatch;
import org.openrfid.trace.reader.llrp.LlrpClientSession;

/**
 * Owns the endpoint's LLRP session. Exchanges are processed synchronously on the session thread, so
 * a slow route slows the socket reads and TCP flow control pushes back on the reader instead of
 * memory filling up here.
 */
public class LlrpConsumer extends DefaultConsumer {

    private LlrpClientSession session;
    private Supplier<ReaderStatus> statusSupplier;

    public LlrpConsumer(LlrpEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public LlrpEndpoint getEndpoint() {
        return (LlrpEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        LlrpEndpoint ep = getEndpoint();
        session = new LlrpClientSession(ep.readerConfig(), ep.connector(), this::onBatch, Clock.systemUTC());
        LlrpClientSession s = session;
        statusSupplier = s::status;
        ep.getComponent().getStatusBoard().register(ep.getReaderId(), statusSupplier);
        session.start();
    }

    @Override
    protected void doStop() throws Exception {
        if (session != null) {
            session.stop();
            getEndpoint().getComponent().getStatusBoard().unregister(getEndpoint().getReaderId(), statusSupplier);
            session = null;
        }
        super.doStop();
    }

    private void onBatch(TagReadBatch batch) {
        Exchange exchange = createExchange(false);
        try {
            exchange.getIn().setBody(batch);
            exchange.getIn().setHeader(LlrpEndpoint.READER_ID_HEADER, batch.readerId());
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        try {
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Error processing LLRP report of " + batch.readerId(), exchange,
                        exchange.getException());
            }
        } finally {
            releaseExchange(exchange, false);
        }
    }

    /** The live session's status, or null before start. */
    public ReaderStatus status() {
        LlrpClientSession s = session;
        return s == null ? null : s.status();
    }
}
