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

    public SmoothingRoutes(PipelineEndpoints endpoints, SmoothingStage stage, Clock clock) {
        this.endpoints = endpoints;
        this.stage = stage;
        this.clock = clock;
    }

    @Override
    public void configure() {
        from("timer:smoothing-tick?period=" + endpoints.tickMillis())
                .routeId("smoothing-tick")
                .process(e -> e.getMessage().setBody(new Tick(Instants.toMicros(clock.instant()))))
                .to(endpoints.reads());

        from(endpoints.reads())
                .routeId("smoothing")
                .choice()
                    .when(body().isInstanceOf(TagReadBatch.class))
                        .process(e -> e.getMessage().setBody(stage.onBatch(e.getMessage().getBody(TagReadBatch.class))))
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
