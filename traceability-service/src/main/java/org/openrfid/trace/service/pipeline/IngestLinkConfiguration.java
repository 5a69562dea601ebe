package org.openrfid.trace.service.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import org.apache.camel.ProducerTemplate;
import org.openrfid.trace.pipeline.PipelineEndpoints;
import org.openrfid.trace.pipeline.SmoothingRoutes;
import org.openrfid.trace.pipeline.SmoothingStage;
import org.openrfid.trace.pipeline.cluster.ClusterSmoothing;
import org.openrfid.trace.service.ingest.DeadLetters;
import org.openrfid.trace.service.ingest.IngestProperties;
import org.openrfid.trace.service.ingest.PipelineHold;
import org.openrfid.trace.service.ingest.ReadIngest;
import org.openrfid.trace.service.ingest.ReadJournal;
import org.openrfid.trace.service.passage.spool.PassageSpool;
import org.openrfid.trace.service.passage.spool.SpoolingPassageWriter;
import org.openrfid.trace.pipeline.ingest.ReaderJsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.Environment;

/**
 * Reader JSON (HTTP and MQTT) as a pipeline input: mapped reads go to the pipeline's reads endpoint,
 * journalled first on a node without the cluster layer (docs/reliability-ingest.md).
 */
@Configuration(proxyBeanMethods = false)
class IngestLinkConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IngestLinkConfiguration.class);

    @Bean
    ReadIngest readIngest(ObjectMapper json, ProducerTemplate producer, PipelineEndpoints endpoints, DeadLetters deadLetters,
                          IngestProperties properties, Clock clock, MeterRegistry registry, ObjectProvider<ReadJournal> journal) {
        String reads = endpoints.reads();
        ReadIngest ingest = new ReadIngest(new ReaderJsonMapper(json), batch -> producer.sendBody(reads, batch), deadLetters, clock,
                properties.maxReadsPerPayload(), registry);
        journal.ifAvailable(ingest::journalTo);
        return ingest;
    }

    /**
     * The journal, on a single node only: in a cluster the replicated read logs are where reads become
     * durable (and another member takes over the presences), as before.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "rfid.ingest.journal.enabled", havingValue = "true", matchIfMissing = true)
    @org.springframework.context.annotation.Conditional(SingleNode.class)
    ReadJournal readJournal(IngestProperties properties, Environment environment, MeterRegistry registry) {
        ReadJournal journal = new ReadJournal(properties.journal().directory(environment::resolvePlaceholders),
                properties.journal().maxBytes().toBytes());
        Gauge.builder("rfid.ingest.journal.bytes", journal, ReadJournal::bytes).baseUnit("bytes")
                .description("accepted reader payloads kept until their passages are written").register(registry);
        return journal;
    }

    /** Rolls and trims the journal once a minute while the node runs (a stop trims it to nothing). */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "rfid.ingest.journal.enabled", havingValue = "true", matchIfMissing = true)
    @org.springframework.context.annotation.Conditional(SingleNode.class)
    JournalTrimmer readJournalTrimmer(ReadIngest ingest, IngestProperties properties) {
        java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ingest-journal-trim");
            t.setDaemon(true);
            return t;
        });
        java.time.Duration keep = properties.journal().keep();
        long periodSeconds = Math.max(1, Math.min(60, keep.toSeconds() / 4));
        timer.scheduleWithFixedDelay(() -> {
            try {
                ingest.trim(keep, java.time.Instant.now());
            } catch (RuntimeException e) {
                log.warn("Ingest journal trim failed (kept; tried again in {} s): {}", periodSeconds, e.toString());
            }
        }, periodSeconds, periodSeconds, java.util.concurrent.TimeUnit.SECONDS);
        return new JournalTrimmer(timer);
    }

    /** Holds the trim timer; not a bean of executor type, which {@code @Scheduled} jobs would pick up. */
    record JournalTrimmer(java.util.concurrent.ScheduledExecutorService timer) implements AutoCloseable {
        @Override
        public void close() {
            timer.shutdownNow();
        }
    }

    /** Not {@link ClusterForwarding}: reads go straight to this node's smoother. */
    static final class SingleNode implements org.springframework.context.annotation.Condition {
        @Override
        public boolean matches(org.springframework.context.annotation.ConditionContext context,
                               org.springframework.core.type.AnnotatedTypeMetadata metadata) {
            return !new ClusterForwarding().matches(context, metadata);
        }
    }

    /**
     * What a crash left in the journal goes through the pipeline again once the routes run; only then does
     * MQTT ingest subscribe, so the broker's redeliveries come after the reads journalled before them.
     */
    @Bean
    ApplicationListener<ApplicationReadyEvent> readJournalReplay(ObjectProvider<ReadJournal> journal, ReadIngest ingest,
                                                                 ObjectProvider<MqttIngestSubscriber> mqtt) {
        return event -> {
            replay(journal, ingest);
            mqtt.ifAvailable(subscriber -> {
                try {
                    subscriber.start();
                } catch (org.eclipse.paho.mqttv5.common.MqttException e) {
                    throw new IllegalStateException("MQTT ingest cannot connect to its broker", e);
                }
            });
        };
    }

    private static void replay(ObjectProvider<ReadJournal> journal, ReadIngest ingest) {
        journal.ifAvailable(j -> {
            try {
                int replayed = ingest.replay(j.earlierSegments());
                if (replayed > 0) {
                    log.warn("Replayed {} reader payload(s) journalled before the last stop", replayed);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot replay the ingest journal", e);
            }
        });
    }

    /**
     * A graceful stop of a single node closes its open presences into passages and writes them (store or
     * spool) before Camel stops: the context publishes {@link ContextClosedEvent} while the routes still
     * run, and the request-reply flush returns only once the store route has taken its passages. Reads
     * journalled before it are then in written passages and their journal segments go; reads that arrive
     * later (the web server drains its requests afterwards) stay journalled for the next start.
     */
    @Bean
    ApplicationListener<ContextClosedEvent> openPresenceFlush(IngestProperties properties, ObjectProvider<ClusterSmoothing> cluster,
                                                             ProducerTemplate producer, SmoothingRoutes routes, SmoothingStage stage,
                                                             ReadIngest ingest) {
        return event -> {
            if (!properties.flushOnShutdown() || cluster.getIfAvailable() != null) {
                return;
            }
            try {
                ingest.checkpoint(() -> {
                    int open = stage.openPresences();
                    producer.requestBody(routes.smootherInbox(), SmoothingRoutes.Flush.OPEN_PRESENCES);
                    log.info("Stopping: {} open presence(s) closed into passages and written", open);
                });
            } catch (RuntimeException e) {
                log.error("Stopping: the open presences could not be written; the ingest journal keeps their reads for the next start", e);
            }
        };
    }

    /**
     * HTTP ingest answers 503 while the spool takes no more passages (the store away and the spool full to
     * its bound or refused by its disk): the store route waits, and the queues in front of it fill up to
     * the request threads. MQTT and LLRP go on waiting (no PUBACK, no read), as before.
     */
    @Bean
    PipelineHold pipelineHold(SpoolingPassageWriter writer) {
        PassageSpool spool = writer.spool();
        return () -> spool.isOutOfSpace() ? Optional.of("the passage store is away and the disk refuses its spool")
                : spool.isBlocked() ? Optional.of("the passage store is away and its spool is full") : Optional.empty();
    }

    /** Connected by {@link #readJournalReplay} once the journal is replayed; disconnected (session kept) at the stop. */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "rfid.ingest.mqtt.enabled", havingValue = "true")
    MqttIngestSubscriber mqttIngestSubscriber(IngestProperties properties, ReadIngest ingest) {
        return new MqttIngestSubscriber(properties.mqtt(), ingest);
    }
}
