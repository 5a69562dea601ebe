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

        from(smootherInbox())
                .routeId("smoothing")
                .choice()
                    .when(body().isInstanceOf(TagReadBatch.class))
                        .process(e -> e.getMessage().setBody(stage.onBatch(e.getMessage().getBody(TagReadBatch.class))))
                    .when(body().isInstanceOf(SmoothingStage.Task.class))
                        .process(e -> e.getMessage().setBody(stage.onTask(e.getMessage().getBody(SmoothingStage.Task.class))))
                    .otherwise()
                        .process(e -> e.getMessage().setBody(stage.onTick(e.getMessage().getBody(Tick.class))))
                .end()
                .multicast()
                    .to("direct:smoothing-arrivals", "direct:smoothing-passages");

        from("direct:smoothing-arrivals")
                .routeId("smoothing-arrivals")
                .filter(e -> !e.getMessage().getBody(SmoothingStage.Output.class).arrivals().isEmpty())
                .process(e -> e.getMessage().setBody(e.getMessage().getBody(SmoothingStage.Output.class).arrivals()))
                .to(endpoints.arrivals());

        from("direct:smoothing-passages")
                .routeId("smoothing-passages")
                .filter(e -> !e.getMessage().getBody(SmoothingStage.Output.class).passages().isEmpty())
                .process(e -> e.getMessage().setBody(e.getMessage().getBody(SmoothingStage.Output.class).passages()))
                .to(endpoints.passages());
    }
}
