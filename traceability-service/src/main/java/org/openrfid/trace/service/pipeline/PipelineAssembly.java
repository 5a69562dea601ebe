package org.openrfid.trace.service.pipeline;

import org.openrfid.trace.pipeline.ingest.IngestRejection;
import org.apache.camel.builder.RouteBuilder;
import org.openrfid.trace.service.ingest.DeadLetters;
import org.openrfid.trace.pipeline.ReadDeadLetter;
import org.openrfid.trace.passage.ReaderClockPolicy;
import org.openrfid.trace.service.passage.LivePassages;

import com.hazelcast.core.HazelcastInstance;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.seda.SedaEndpoint;
import org.openrfid.trace.service.enrichment.LocationCache;
import org.openrfid.trace.service.enrichment.PassageEnricher;
import org.openrfid.trace.passage.Instants;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.passage.ReadPointRole;
import org.openrfid.trace.pipeline.filter.EpcPattern;
import org.openrfid.trace.pipeline.filter.ReadFilter;
import org.openrfid.trace.identity.EpcDecoder;
import org.openrfid.trace.passage.PassageSmoother;
import org.openrfid.trace.passage.ReadPointDirectory;
import org.openrfid.trace.passage.SmoothingPolicy;
import org.openrfid.trace.pipeline.PipelineCounters;
import org.openrfid.trace.pipeline.PipelineEndpoints;
import org.openrfid.trace.pipeline.SmoothingRoutes;
import org.openrfid.trace.pipeline.SmoothingStage;
import org.openrfid.trace.pipeline.cluster.ClusterSmoothing;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.passage.PassageStore;
import org.openrfid.trace.service.passage.spool.PassageSpool;
import org.openrfid.trace.service.passage.spool.PassageStoreHealthIndicator;
import org.openrfid.trace.service.passage.spool.SpoolProperties;
import org.openrfid.trace.service.passage.spool.SpoolingPassageWriter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The event pipeline's routes as Spring beans (Camel's Spring Boot starter starts them). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PipelineProperties.class, SpoolProperties.class})
class PipelineAssembly {

    @Bean
    PipelineEndpoints pipelineEndpoints() {
        return PipelineEndpoints.defaults();
    }

    @Bean
    ReadPointDirectory readPointDirectory() {
        return new ReadPointDirectory();
    }

    @Bean
    PipelineCounters pipelineCounters(MeterRegistry registry) {
        PipelineCounters counters = new PipelineCounters();
        FunctionCounter.builder("rfid.reads.in", counters, PipelineCounters::readsIn).description("tag reads into smoothing").register(registry);
        FunctionCounter.builder("rfid.passages.out", counters, PipelineCounters::passagesOut).description("passages completed").register(registry);
        FunctionCounter.builder("rfid.arrivals", counters, PipelineCounters::arrivals).description("tags arrived at a location").register(registry);
        return counters;
    }

    @Bean
    ReadFilter readFilter(PipelineProperties properties, ReadPointDirectory readPoints, MeterRegistry registry) {
        ReadFilter filter = new ReadFilter(filterRules(properties.filter()), readPoints);
        for (ReadFilter.Verdict verdict : ReadFilter.Verdict.values()) {
            if (verdict != ReadFilter.Verdict.PASS) {
                FunctionCounter.builder("rfid.reads.filtered", filter, f -> f.count(verdict)).tag("reason", verdict.reason())
                        .description("reads dropped by filters before smoothing").register(registry);
            }
        }
        return filter;
    }

    @Bean
    SmoothingStage smoothingStage(PipelineProperties properties, ReadPointDirectory readPoints, ReadFilter filter, Clock clock,
                                  PipelineCounters counters, MeterRegistry registry, LocationCache locations) {
        // Location kinds come from the registry (through the location cache); rfid.pipeline.location-kinds overrides.
        SmoothingStage stage = new SmoothingStage(new PassageSmoother(smoothingPolicy(properties).withRegistryKinds(locations), readPoints,
                PipelineAssembly::tagUriOrNull), filter, clock, counters);
        Gauge.builder("rfid.presences.open", counters, PipelineCounters::openPresences).description("tags present now").register(registry);
        FunctionCounter.builder("rfid.reads.late", counters, PipelineCounters::lateReads)
                .description("reads later than the allowed lateness, counted and not merged").register(registry);
        FunctionCounter.builder("rfid.reads.unmapped", counters, PipelineCounters::unmappedReads)
                .description("reads from a reader antenna without a read point").register(registry);
        FunctionCounter.builder("rfid.reads.merged", counters, PipelineCounters::readsMerged)
                .description("reads merged into presences").register(registry);
        FunctionCounter.builder("rfid.reads.clock.rejected", counters, PipelineCounters::readsAhead).tag("bound", "ahead")
                .description("reads dated too far ahead of their arrival (rfid.pipeline.reader-clock), dead-lettered").register(registry);
        FunctionCounter.builder("rfid.reads.clock.rejected", counters, PipelineCounters::readsBehind).tag("bound", "behind")
                .description("reads dated too far behind their arrival (rfid.pipeline.reader-clock), dead-lettered").register(registry);
        FunctionCounter.builder("rfid.reader.clock.steps", counters, PipelineCounters::clockSteps)
                .description("reader clocks that stepped back and were re-based").register(registry);
        Gauge.builder("rfid.dedup.ratio", counters, PipelineCounters::dedupRatio)
                .description("share of merged reads that did not make a passage of their own").register(registry);
        Gauge.builder("rfid.pipeline.lag", counters, c -> c.lagSeconds(Instants.toMicros(clock.instant()))).baseUnit("seconds")
                .description("now minus the reader time of the newest read smoothed").register(registry);
        return stage;
    }

    static SmoothingPolicy smoothingPolicy(PipelineProperties properties) {
        Map<String, ReadPointRole> roles = new HashMap<>();
        properties.antennaRoles().forEach((readPoint, role) -> roles.put(readPoint, ReadPointRole.parse(role)));
        PipelineProperties.ReaderClock clock = properties.readerClock();
        return new SmoothingPolicy(properties.silence(), properties.silenceByLocation(), properties.silenceByKind(),
                properties.locationKinds(), properties.allowedLateness(), roles)
                .withReaderClock(new ReaderClockPolicy(clock.maxAhead(), clock.maxBehind(), clock.stepBack()));
    }

    static ReadFilter.Rules filterRules(PipelineProperties.Filter f) {
        return new ReadFilter.Rules(f.rssiFloor(), EpcPattern.parseAll(f.include()), EpcPattern.parseAll(f.exclude()),
                patternsByLocation(f.allow()), patternsByLocation(f.deny()),
                ReadFilter.UnknownTagPolicy.valueOf(f.unknownTags() == null ? "KEEP" : f.unknownTags().trim().toUpperCase(Locale.ROOT)));
    }

    private static Map<String, List<EpcPattern>> patternsByLocation(Map<String, List<String>> texts) {
        Map<String, List<EpcPattern>> out = new HashMap<>();
        if (texts != null) {
            texts.forEach((location, patterns) -> out.put(location, EpcPattern.parseAll(patterns)));
        }
        return out;
    }

    /**
     * Queue depths of the pipeline's seda queues: a growing one says where the pipeline is behind ("owned":
     * what the cluster layer has handed this member's smoother and it has not yet smoothed).
     */
    @Bean
    MeterBinder pipelineQueueMetrics(CamelContext camel, PipelineEndpoints endpoints) {
        return registry -> {
            Map<String, String> queues = Map.of("reads", endpoints.reads(), "owned", SmoothingRoutes.OWNED, "passages", endpoints.passages(),
                    "arrivals", endpoints.arrivals());
            queues.forEach((name, uri) -> Gauge.builder("rfid.queue.size", camel, c -> queueSize(c, uri)).tag("queue", name)
                    .description("exchanges waiting in a pipeline queue").register(registry));
        };
    }

    private static double queueSize(CamelContext camel, String uri) {
        SedaEndpoint endpoint = camel.hasEndpoint(uri) instanceof SedaEndpoint seda ? seda : null;
        return endpoint == null ? 0 : endpoint.getCurrentQueueSize();
    }

    /**
     * Location ownership, read forwarding and failover (DESIGN.md §5): batches from the reads queue go to
     * the owners' read logs, and what this member owns comes back to its smoother through
     * {@link SmoothingRoutes#OWNED}. A single node is a cluster of one and takes the same path. Snapshots
     * wait for the passages completed before them to be stored (counted from {@link LivePassages}, which
     * only hears of passages the store holds).
     */
    @Bean(destroyMethod = "close")
    @org.springframework.context.annotation.Conditional(ClusterForwarding.class)
    ClusterSmoothing clusterSmoothing(HazelcastInstance hazelcast, ReadPointDirectory readPoints, CamelContext camel,
                                      LivePassages live) {
        ProducerTemplate inbox = camel.createProducerTemplate();
        Endpoint owned = camel.getEndpoint(SmoothingRoutes.OWNED); // resolved once: by URI, every send normalises it again
        ClusterSmoothing cluster = new ClusterSmoothing(hazelcast, readPoints, body -> inbox.sendBody(owned, body),
                Duration.ofMillis(500));
        live.subscribe(cluster::passagesStored);
        return cluster;
    }

    /**
     * On shutdown the cluster layer stops first (the context publishes {@link ContextClosedEvent} before
     * it stops Camel): its control thread and read-log polls would otherwise keep feeding the smoother's
     * queue, which Camel's graceful shutdown waits to see empty, until its timeout forced the routes down.
     * This member then simply leaves: its locations' owners-to-be continue from snapshots and read logs,
     * as after a member's death, and passages already completed still drain into the store.
     */
    @Bean
    ApplicationListener<ContextClosedEvent> clusterSmoothingStopper(ObjectProvider<ClusterSmoothing> cluster) {
        return event -> cluster.ifAvailable(ClusterSmoothing::close);
    }

    /** Ownership starts once Camel's routes run, so what the cluster layer hands the smoother has a consumer. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> clusterSmoothingStarter(ObjectProvider<ClusterSmoothing> cluster) {
        return event -> cluster.ifAvailable(ClusterSmoothing::start);
    }

    /**
     * Without the cluster layer ({@link ClusterForwarding}: {@code local}, or {@code auto} with no cluster
     * members configured) reads go straight from the reads queue to this node's smoother: about four
     * times the throughput of forwarding through the read logs, for a node that will not form a cluster
     * (no failover of open presences, which a single node cannot have anyway).
     */
    @Bean
    SmoothingRoutes smoothingRoutes(PipelineEndpoints endpoints, SmoothingStage stage, Clock clock, ObjectProvider<ClusterSmoothing> cluster,
                                    Environment environment) {
        ClusterForwarding.enabled(environment); // a bad value stops the start, also where no condition asked
        return new SmoothingRoutes(endpoints, stage, clock, cluster.getIfAvailable());
    }

    /** Stored, enriched passage batches for rule consumers (Camel endpoint {@link EnrichedPassageFeed#ENDPOINT}). */
    @Bean
    EnrichedPassageFeed enrichedPassageFeed(CamelContext camel, MeterRegistry registry) {
        EnrichedPassageFeed feed = new EnrichedPassageFeed(camel);
        FunctionCounter.builder("rfid.enriched.feed.dropped", feed, EnrichedPassageFeed::dropped)
                .description("stored passage batches the rule consumers' queue had no room for").register(registry);
        return feed;
    }

    /** Stored passages per location: tagged by location here, where a batch is counted once, not per read. */
    @Bean
    LivePassages livePassages(MeterRegistry registry, EnrichedPassageFeed ruleFeed) {
        LivePassages live = new LivePassages();
        live.subscribeEnriched(ruleFeed);
        Map<String, Counter> byLocation = new ConcurrentHashMap<>();
        Map<String, Counter> readsByLocation = new ConcurrentHashMap<>();
        live.subscribe(passages -> {
            for (Passage p : passages) {
                byLocation.computeIfAbsent(p.locationId(), l -> Counter.builder("rfid.passages.stored").tag("location", l)
                        .description("passages stored, per location").register(registry)).increment();
                // Per location from the passages (a passage knows how many reads it merged), so counting
                // reads per location costs nothing per read; they show when the presence closes.
                readsByLocation.computeIfAbsent(p.locationId(), l -> Counter.builder("rfid.reads.passaged").tag("location", l)
                        .description("reads merged into stored passages, per location").register(registry)).increment(p.reads());
            }
        });
        return live;
    }

    /**
     * Store writes, each batch enriched first (bound objects, location info), spooled to disk while the
     * store is away and replayed in order (also a spool left by the last run).
     */
    @Bean(destroyMethod = "close")
    SpoolingPassageWriter spoolingPassageWriter(PassageStore store, LivePassages live, PipelineProperties properties,
                                                SpoolProperties spool, Environment environment, PassageEnricher enricher,
                                                DeadLetters deadLetters) {
        // A passage the store refuses for its contents joins the dead letters (/api/v1/ingest/dead-letters).
        return new SpoolingPassageWriter(store, new PassageSpool(spool.directory(environment::resolvePlaceholders), spool.maxBytes().toBytes()),
                properties.storeRetryDelay(), spool.maxRetryDelay(), enricher, live::publish,
                (refused, reason) -> deadLetters.add("store", new IngestRejection(IngestRejection.Reason.STORE_REFUSED, reason),
                        refused.passage().toString())).start();
    }

    /** The store path in {@code /actuator/health}: DEGRADED while passages wait in the spool, DOWN while it takes no more. */
    @Bean(name = "passageStoreHealthIndicator")
    PassageStoreHealthIndicator passageStoreHealthIndicator(SpoolingPassageWriter writer) {
        return new PassageStoreHealthIndicator(writer);
    }

    /** Reads refused for their reader time join the ingest dead letters ({@code /api/v1/ingest/dead-letters}). */
    @Bean
    RouteBuilder clockDeadLetterRoute(PipelineEndpoints endpoints, DeadLetters deadLetters) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(endpoints.deadLetters()).routeId("reader-clock-dead-letters").process(e -> {
                    for (Object o : e.getMessage().getBody(List.class)) {
                        ReadDeadLetter d = (ReadDeadLetter) o;
                        deadLetters.add(d.source(), d.rejection(), d.payload());
                    }
                });
            }
        };
    }

    @Bean
    PassageStoreRoute passageStoreRoute(PipelineEndpoints endpoints, SpoolingPassageWriter writer, PipelineProperties properties) {
        return new PassageStoreRoute(endpoints, writer, properties.storeRetryDelay().toMillis(), properties.storeBatchSize(),
                properties.storeBatchLinger());
    }

    /** The tag URI is a convenience on the passage: an EPC that does not decode is still a passage. */
    static String tagUriOrNull(RawEpc epc) {
        try {
            return EpcDecoder.decode(epc).tagUri();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
