package org.openrfid.trace.passages;

import java.util.List;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.pipeline.PipelineEndpoints;
import org.openrfid.trace.spool.SpoolingPassageWriter;

/**
 * Completed passages into the store through the {@link SpoolingPassageWriter}: while the database
 * is away batches are spooled to local disk (fsync'd, bounded) and replayed in order when it is
 * back, so the queue keeps moving. Only a full spool blocks this route, and the bounded queue in
 * front then fills and slows the pipeline down (visible in {@code rfid_spool_full} and the queue
 * sizes) instead of dropping passages. Should even the spool fail (the disk refuses writes), the
 * batch is retried here with back-off, holding the queue, never dropped. Inserts are idempotent,
 * so a retry of a half-known outcome stores nothing twice.
 */
final class PassageStoreRoute extends RouteBuilder {

    private final PipelineEndpoints endpoints;
    private final SpoolingPassageWriter writer;
    private final long retryDelayMillis;

    PassageStoreRoute(PipelineEndpoints endpoints, SpoolingPassageWriter writer, long retryDelayMillis) {
        this.endpoints = endpoints;
        this.writer = writer;
        this.retryDelayMillis = retryDelayMillis;
    }

    @Override
    @SuppressWarnings("unchecked")
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
                .process(e -> writer.write(e.getMessage().getBody(List.class)));
    }
}
