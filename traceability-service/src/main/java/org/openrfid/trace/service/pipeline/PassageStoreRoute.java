package org.openrfid.trace.service.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.component.seda.SedaEndpoint;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.pipeline.BatchGatherer;
import org.openrfid.trace.pipeline.PipelineEndpoints;
import org.openrfid.trace.service.passage.spool.SpoolingPassageWriter;

/**
 * Completed passages into the store through the {@link SpoolingPassageWriter}: while the database
 * is away batches are spooled to local disk (fsync'd, bounded) and replayed in order when it is
 * back, so the queue keeps moving. Only a full spool blocks this route, and the bounded queue in
 * front then fills and slows the pipeline down (visible in {@code rfid_spool_full} and the queue
 * sizes) instead of dropping passages. Should even the spool fail (the disk refuses writes), the
 * batch is retried here with back-off, holding the queue, never dropped. Inserts are idempotent,
 * so a retry of a half-known outcome stores nothing twice.
 */
public final class PassageStoreRoute extends RouteBuilder {

    /** The exchange property holding the gathered batch, so a redelivery writes the same batch again. */
    private static final String GATHERED = "rfidStoreBatch";

    private final PipelineEndpoints endpoints;
    private final SpoolingPassageWriter writer;
    private final long retryDelayMillis;
    private final BatchGatherer<Exchange> gatherer;

    PassageStoreRoute(PipelineEndpoints endpoints, SpoolingPassageWriter writer, long retryDelayMillis) {
        this(endpoints, writer, retryDelayMillis, 5_000, java.time.Duration.ZERO);
    }

    /**
     * @param batchSize passages per store write at most
     * @param linger    how long to wait for more passages while the batch is not full (size or time,
     *                  whichever first): one write of many passages instead of many small transactions
     */
    PassageStoreRoute(PipelineEndpoints endpoints, SpoolingPassageWriter writer, long retryDelayMillis, int batchSize,
                      java.time.Duration linger) {
        this.endpoints = endpoints;
        this.writer = writer;
        this.retryDelayMillis = retryDelayMillis;
        // Only InOnly lists join a batch: anything else is left for the route to process on its own.
        this.gatherer = new BatchGatherer<>(batchSize, linger,
                e -> e.getPattern() == ExchangePattern.InOnly && e.getMessage().getBody() instanceof List<?>,
                e -> e.getMessage().getBody(List.class).size());
    }

    /**
     * This exchange's passages and those of the exchanges waiting behind it (waiting up to the linger
     * for more), up to the batch size (a list beyond it is taken whole). Only the route's single
     * consumer polls the queue; the taken exchanges' completions move to this one, so they complete
     * or fail with it. Gathered once: a redelivery after a failure writes the same batch.
     */
    @SuppressWarnings("unchecked")
    private List<Passage> gather(Exchange first) {
        List<Passage> gathered = first.getProperty(GATHERED, List.class);
        if (gathered != null) {
            return gathered;
        }
        List<Passage> batch = new ArrayList<>(first.getMessage().getBody(List.class));
        if (first.getFromEndpoint() instanceof SedaEndpoint seda && seda.getConcurrentConsumers() == 1) {
            gatherer.gather(seda.getQueue(), batch.size(), next -> {
                next.getExchangeExtension().handoverCompletions(first);
                batch.addAll(next.getMessage().getBody(List.class));
            });
        }
        first.setProperty(GATHERED, batch);
        return batch;
    }

    @Override
    public void configure() {
        onException(Exception.class)
                .maximumRedeliveries(-1)
                .redeliveryDelay(retryDelayMillis)
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .maximumRedeliveryDelay(30_000)
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .logRetryAttempted(true);

        from(endpoints.passages())
                .routeId("passage-store")
                .process(e -> writer.write(gather(e)));
    }
}
