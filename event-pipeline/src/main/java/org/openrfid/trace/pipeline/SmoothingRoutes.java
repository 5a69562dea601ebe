package org.openrfid.trace.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.seda.SedaEndpoint;
import org.openrfid.trace.passage.Instants;
import org.openrfid.trace.reader.TagReadBatch;

/**
 * Reads → presences → passages. One consumer on the reads queue keeps the smoother single-threaded;
 * a timer feeds ticks through the same queue so quiet presences complete in order with the reads. Reads
 * refused for their reader time go to the dead-letter endpoint as lists of {@link ReadDeadLetter}.
 */
public final class SmoothingRoutes extends RouteBuilder {

    private final PipelineEndpoints endpoints;
    private final SmoothingStage stage;
    private final Clock clock;
    private final ReadIngress ingress;

    /**
     * Where the smoother's own work queues when an ingress sits in front of it: the reads queue then
     * feeds the ingress (which forwards to location owners), and what this member owns comes back here.
     */
    public static final String OWNED = "seda:smoothing-owned?size=10000&blockWhenFull=true";

    /**
     * At most this many reads go to the ingress at once: bounds a read-log chunk (about 70 bytes a read)
     * and the time the queue's producers can be held behind one append.
     */
    static final int COALESCE_MAX_READS = 4_096;

    /** Takes the plain InOnly batch exchanges waiting in the reads queue, up to the bound, without lingering. */
    private static final BatchGatherer<Exchange> COALESCE = new BatchGatherer<>(COALESCE_MAX_READS, Duration.ZERO,
            e -> e.getPattern() == ExchangePattern.InOnly && e.getMessage().getBody() instanceof TagReadBatch,
            e -> e.getMessage().getBody(TagReadBatch.class).size());

    /** The exchange property that carries what the smoother made of the body on to the queues. */
    private static final String OUTPUT = "rfidSmoothingOutput";

    /** Reads go straight from the reads queue into the smoother (no cluster layer). */
    public SmoothingRoutes(PipelineEndpoints endpoints, SmoothingStage stage, Clock clock) {
        this(endpoints, stage, clock, null);
    }

    /**
     * @param ingress when not null, batches from the reads queue go to it (on the reads queue's consumer
     *                thread) and the smoother consumes {@link #OWNED}, fed by the ingress's owner side
     */
    public SmoothingRoutes(PipelineEndpoints endpoints, SmoothingStage stage, Clock clock, ReadIngress ingress) {
        this.endpoints = endpoints;
        this.stage = stage;
        this.clock = clock;
        this.ingress = ingress;
    }

    /** The queue the smoothing route consumes (and tasks for the smoother go to). */
    public String smootherInbox() {
        return ingress == null ? endpoints.reads() : OWNED;
    }

    /**
     * Sent to the {@link #smootherInbox()} (request-reply, so the sender waits until the passages are
     * written): closes every open presence, in order with the reads queued before it.
     */
    public enum Flush { OPEN_PRESENCES }

    private SmoothingStage.Output smooth(Object body) {
        if (body instanceof Flush) {
            return stage.onFlush();
        }
        if (body instanceof TagReadBatch batch) {
            return stage.onBatch(batch);
        }
        if (body instanceof SmoothingStage.Task task) {
            return stage.onTask(task);
        }
        return stage.onTick((Tick) body);
    }

    private static SmoothingStage.Output output(Exchange e) {
        return e.getProperty(OUTPUT, SmoothingStage.Output.class);
    }

    /**
     * This exchange's batch and the batches already waiting behind it in the reads queue (taken until
     * they hold {@link #COALESCE_MAX_READS} reads or more, so at most one batch beyond), in queue order, so the ingress appends them together: one log
     * append per location for all of them instead of one round trip per batch. The queue stays bounded
     * (blockWhenFull), so back-pressure is unchanged. Only plain InOnly batch exchanges are taken; the
     * first other one stays queued for the consumer. Their completions move to this exchange, so they
     * complete (or fail) with it, and a failure reaches this route's error handling for all of them.
     */
    private List<TagReadBatch> withWaitingBatches(Exchange first) {
        TagReadBatch batch = first.getMessage().getBody(TagReadBatch.class);
        if (!(first.getFromEndpoint() instanceof SedaEndpoint seda) || seda.getConcurrentConsumers() != 1) {
            return List.of(batch); // with several consumers a peeked exchange might not be the polled one
        }
        List<TagReadBatch> batches = new ArrayList<>(0);
        COALESCE.gather(seda.getQueue(), batch.size(), next -> {
            next.getExchangeExtension().handoverCompletions(first);
            if (batches.isEmpty()) {
                batches.add(batch);
            }
            batches.add(next.getMessage().getBody(TagReadBatch.class));
        });
        return batches.isEmpty() ? List.of(batch) : batches;
    }

    @Override
    public void configure() {
        from("timer:smoothing-tick?period=" + endpoints.tickMillis())
                .routeId("smoothing-tick")
                .process(e -> e.getMessage().setBody(new Tick(Instants.toMicros(clock.instant()))))
                .to(smootherInbox());

        if (ingress != null) {
            from(endpoints.reads())
                    .routeId("smoothing-ingress")
                    .process(e -> ingress.ingestAll(withWaitingBatches(e)));
        }

        // One exchange per batch all the way: the output rides in a property, and each non-empty half is
        // sent on by a filter block (a seda producer enqueues a copy), with no multicast copies or direct hops.
        from(smootherInbox())
                .routeId("smoothing")
                .process(e -> e.setProperty(OUTPUT, smooth(e.getMessage().getBody())))
                .filter(e -> !output(e).arrivals().isEmpty())
                    .process(e -> e.getMessage().setBody(output(e).arrivals()))
                    .to(endpoints.arrivals())
                .end()
                .filter(e -> !output(e).passages().isEmpty())
                    .process(e -> e.getMessage().setBody(output(e).passages()))
                    .to(endpoints.passages())
                .end()
                .filter(e -> !output(e).deadLetters().isEmpty())
                    .process(e -> e.getMessage().setBody(output(e).deadLetters()))
                    .to(endpoints.deadLetters())
                .end();
    }
}
