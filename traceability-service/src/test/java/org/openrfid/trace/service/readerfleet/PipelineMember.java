package org.openrfid.trace.service.readerfleet;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.passage.PassageSmoother;
import org.openrfid.trace.passage.ReadPointDirectory;
import org.openrfid.trace.passage.SmoothingPolicy;
import org.openrfid.trace.pipeline.PipelineCounters;
import org.openrfid.trace.pipeline.PipelineEndpoints;
import org.openrfid.trace.pipeline.ReadIngress;
import org.openrfid.trace.pipeline.SmoothingRoutes;
import org.openrfid.trace.pipeline.SmoothingStage;
import org.openrfid.trace.pipeline.cluster.ClusterSmoothing;
import org.openrfid.trace.reader.ReaderState;
import org.openrfid.trace.reader.ReaderStatusBoard;
import org.openrfid.trace.reader.TagReadBatch;
import org.openrfid.trace.service.pipeline.CamelReaderLinks;
import org.openrfid.trace.service.pipeline.ReaderLinkConfiguration;
import org.openrfid.trace.service.platform.cluster.ClusterMetrics;

/**
 * One cluster member of a multi-member test, wired as the application wires it: a Hazelcast member, its own
 * Camel context with the {@code llrp} component, the smoothing routes through {@link ClusterSmoothing}, the
 * reader connections and the cluster metrics. Passages go to the test's store (a stand-in for the shared
 * database, idempotent on the passage id as the real one is) while the member is {@link #alive}.
 */
record PipelineMember(HazelcastInstance hazelcast, CamelContext camel, ClusterSmoothing smoothing, ReaderConnections readers,
                      ReadPointDirectory readPoints, AtomicBoolean alive, PrometheusMeterRegistry meters, PipelineCounters counters) {

    /** The Hazelcast settings every such test shares: small, fast to notice a member gone, no phoning home. */
    static Config tuned(Config config) {
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.partition.count", "31");
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", "6");
        config.setProperty("hazelcast.operation.backup.timeout.millis", "1500");
        return config;
    }

    /**
     * Starts the member.
     *
     * @param store    told every list of passages the member writes while it is alive
     * @param ingested told every list of reader batches once the cluster layer made them durable
     */
    static PipelineMember start(Config config, SmoothingPolicy policy, Consumer<List<Passage>> store,
                                Consumer<List<TagReadBatch>> ingested) throws Exception {
        HazelcastInstance hz = Hazelcast.newHazelcastInstance(config);
        ReadPointDirectory readPoints = new ReadPointDirectory();
        Clock clock = Clock.systemUTC();
        PipelineCounters counters = new PipelineCounters();
        SmoothingStage stage = new SmoothingStage(new PassageSmoother(policy, readPoints, epc -> null), clock, counters);
        CamelContext camel = new DefaultCamelContext();
        ReaderStatusBoard board = new ReaderStatusBoard();
        camel.addComponent("llrp", ReaderLinkConfiguration.llrpComponent(board, new ReaderProperties.Llrp(0, null)));
        ProducerTemplate producer = camel.createProducerTemplate();
        ClusterSmoothing smoothing = new ClusterSmoothing(hz, readPoints, body -> producer.sendBody(SmoothingRoutes.OWNED, body),
                Duration.ofMillis(500));
        PipelineEndpoints endpoints = new PipelineEndpoints("seda:tag-reads?size=10000&blockWhenFull=true",
                "seda:passages?size=2000&blockWhenFull=true", "seda:arrivals?size=10000&discardIfNoConsumers=true", 100);
        camel.addRoutes(new SmoothingRoutes(endpoints, stage, clock, tapped(smoothing, ingested)));
        AtomicBoolean alive = new AtomicBoolean(true);
        camel.addRoutes(new RouteBuilder() {
            @Override
            @SuppressWarnings("unchecked")
            public void configure() {
                from(endpoints.passages()).process(e -> {
                    List<Passage> passages = e.getMessage().getBody(List.class);
                    if (alive.get()) {
                        store.accept(passages);
                        smoothing.passagesStored(passages);
                    }
                });
            }
        });
        camel.start();
        smoothing.start();
        ReaderConnections readers = new ReaderConnections(new CamelReaderLinks(camel, endpoints), readPoints, board, hz).start();
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ClusterMetrics(hz, smoothing, readers).bindTo(meters);
        return new PipelineMember(hz, camel, smoothing, readers, readPoints, alive, meters, counters);
    }

    /** The cluster layer as the routes' ingress, telling {@code ingested} what it made durable. */
    private static ReadIngress tapped(ClusterSmoothing smoothing, Consumer<List<TagReadBatch>> ingested) {
        return new ReadIngress() {
            @Override
            public void ingest(TagReadBatch batch) {
                ingestAll(List.of(batch));
            }

            @Override
            public void ingestAll(List<TagReadBatch> batches) {
                smoothing.ingestAll(batches);
                ingested.accept(batches);
            }
        };
    }

    /** Presences open in this member's smoother, as of its last batch or tick. */
    long openPresences() {
        return counters.openPresences();
    }

    /** Whether this member's connection to the reader is up. */
    boolean connected(String readerId) {
        return readers.status(readerId).map(s -> s.state() == ReaderState.CONNECTED).orElse(false);
    }

    /** Stops the member's parts and terminates its Hazelcast instance (what is already dead stays dead). */
    void stop() {
        readers.close();
        smoothing.close();
        try {
            camel.stop();
        } catch (RuntimeException e) {
            // already dead
        }
        hazelcast.getLifecycleService().terminate();
    }
}
