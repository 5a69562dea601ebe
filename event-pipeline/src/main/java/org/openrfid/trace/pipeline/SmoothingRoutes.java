package org.openrfid.trace.pipeline;

import java.time.Clock;
import org.apache.camel.builder.RouteBuilder;
import org.openrfid.trace.passage.Instants;
import org.openrfid.trace.reader.TagReadBatch;

/**
 * Reads → presences → passages. One consumer on the reads queue keeps the smoother single-threaded;
 * a timer feeds ticks through the same queue so quiet presences complete in order with the reads.
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

    private SmoothingStage.Output smooth(Object body) {
        if (body instanceof TagReadBatch batch) {
            return stage.onBatch(batch);
        }
        if (body instanceof SmoothingStage.Task task) {
            return stage.onTask(task);
        }
        return stage.onTick((Tick) body);
    }

    private static SmoothingStage.Output output(org.apache.camel.Exchange e) {
        return e.getProperty(OUTPUT, SmoothingStage.Output.class);
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
                    .process(e -> ingress.ingest(e.getMessage().getBody(TagReadBatch.class)));
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
                .end();
    }
}
