package org.openrfid.trace.passages;

import java.util.List;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.pipeline.PipelineEndpoints;
import org.openrfid.trace.store.PassageStore;

/**
 * Completed passages into the store. A batch that fails (the database is away) is retried with
 * back-off until it goes in; the bounded queue in front then fills and slows the pipeline down,
 * which is visible in the metrics, instead of dropping passages. Inserts are idempotent, so a retry
 * of a half-known outcome stores nothing twice.
 */
final class PassageStoreRoute extends RouteBuilder {

    private final PipelineEndpoints endpoints;
    private final PassageStore store;
    private final LivePassages live;
    private final long retryDelayMillis;

    PassageStoreRoute(PipelineEndpoints endpoints, PassageStore store, LivePassages live, long retryDelayMillis) {
        this.endpoints = endpoints;
        this.store = store;
        this.live = live;
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
                .process(e -> {
                    List<Passage> passages = e.getMessage().getBody(List.class);
                    store.saveAll(passages);
                    live.publish(passages);
                });
    }
}
