package org.openrfid.trace.service.alert;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.camel.builder.RouteBuilder;
import org.openrfid.trace.pipeline.PipelineEndpoints;
import org.openrfid.trace.pipeline.SmoothingStage.TagArrival;
import org.openrfid.trace.service.alert.rule.RuleDefinitions;
import org.openrfid.trace.service.alert.rule.RuleFactory;
import org.openrfid.trace.service.alert.rules.tid.TidMismatchRules;
import org.openrfid.trace.service.alert.rules.watchlist.WatchlistIndex;
import org.openrfid.trace.service.registry.binding.Tags;
import org.openrfid.trace.service.alert.rules.watchlist.WatchlistRules;
import org.openrfid.trace.service.anpr.PlateReadFeed;
import org.openrfid.trace.service.enrichment.LocationCache;
import org.openrfid.trace.service.passage.EnrichedPassage;
import org.openrfid.trace.service.pipeline.EnrichedPassageFeed;
import org.openrfid.trace.service.registry.vehicle.Vehicles;
import org.openrfid.trace.service.registry.watchlist.Watchlist;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rule engine on the passage feed, the arrivals and the camera reads; the alert service, its
 * live stream and the built-in rule factories. Every {@link RuleFactory} bean in the context joins the
 * engine.
 */
@Configuration(proxyBeanMethods = false)
public class AlertConfiguration {

    @Bean
    AlertService alertService(Alerts alerts, Clock clock, MeterRegistry meters) {
        return new AlertService(alerts, clock, meters);
    }

    @Bean(destroyMethod = "close")
    AlertStream alertStream(Alerts alerts, AlertService service, @Value("${rfid.alerts.stream.poll:PT0.2S}") Duration poll) {
        AlertStream stream = new AlertStream(alerts, Math.max(10, poll.toMillis()));
        service.subscribe(event -> stream.wake()); // this member's events go out at once; others' within a poll
        return stream;
    }

    @Bean(destroyMethod = "close")
    WatchlistIndex watchlistIndex(Watchlist watchlist, @Value("${rfid.alerts.watchlist.poll:PT0.5S}") Duration poll) {
        return new WatchlistIndex(watchlist, poll).start();
    }

    @Bean
    WatchlistRules watchlistRules(WatchlistIndex index, LocationCache locations, Vehicles vehicles) {
        return new WatchlistRules(index, locations, vehicles);
    }

    @Bean
    TidMismatchRules tidMismatchRules(Tags tags, Vehicles vehicles) {
        return new TidMismatchRules(tags, vehicles, 1_000_000);
    }

    @Bean(destroyMethod = "close")
    RuleEngine ruleEngine(List<RuleFactory> factories, RuleDefinitions definitions, AlertService alerts, Clock clock, MeterRegistry meters,
                          ObjectProvider<PlateReadFeed> plates, @Value("${rfid.alerts.engine.queue-size:10000}") int queueSize) {
        RuleEngine engine = new RuleEngine(factories, definitions, alerts, clock, queueSize, meters).start();
        plates.ifAvailable(feed -> feed.subscribe(engine::plateReads));
        return engine;
    }

    /** Stored passages and first arrivals into the engine (the queues' URIs as the pipeline made them). */
    @Bean
    RouteBuilder alertFeedRoutes(RuleEngine engine, PipelineEndpoints endpoints) {
        return new RouteBuilder() {
            @Override
            @SuppressWarnings("unchecked")
            public void configure() {
                from(EnrichedPassageFeed.ENDPOINT).routeId("alert-rules-passages")
                        .process(e -> engine.passages(e.getMessage().getBody(List.class)));
                from(endpoints.arrivals()).routeId("alert-rules-arrivals")
                        .process(e -> engine.arrivals((List<TagArrival>) e.getMessage().getBody(List.class)));
            }
        };
    }
}
