package org.openrfid.trace.passages;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.openrfid.trace.identity.EpcDecoder;
import org.openrfid.trace.passage.PassageSmoother;
import org.openrfid.trace.passage.ReadPointDirectory;
import org.openrfid.trace.passage.SmoothingPolicy;
import org.openrfid.trace.pipeline.PipelineCounters;
import org.openrfid.trace.pipeline.PipelineEndpoints;
import org.openrfid.trace.pipeline.SmoothingRoutes;
import org.openrfid.trace.pipeline.SmoothingStage;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.store.PassageStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The event pipeline's routes as Spring beans (Camel's Spring Boot starter starts them). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PipelineProperties.class)
class PipelineConfiguration {

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
    SmoothingStage smoothingStage(PipelineProperties properties, ReadPointDirectory readPoints, Clock clock,
                                  PipelineCounters counters, MeterRegistry registry) {
        SmoothingPolicy policy = new SmoothingPolicy(properties.silence(), properties.silenceByLocation());
        SmoothingStage stage = new SmoothingStage(new PassageSmoother(policy, readPoints, PipelineConfiguration::tagUriOrNull), clock, counters);
        Gauge.builder("rfid.presences.open", stage, SmoothingStage::openPresences).description("tags present now").register(registry);
        return stage;
    }

    @Bean
    SmoothingRoutes smoothingRoutes(PipelineEndpoints endpoints, SmoothingStage stage, Clock clock) {
        return new SmoothingRoutes(endpoints, stage, clock);
    }

    @Bean
    LivePassages livePassages() {
        return new LivePassages();
    }

    @Bean
    PassageStoreRoute passageStoreRoute(PipelineEndpoints endpoints, PassageStore store, LivePassages live, PipelineProperties properties) {
        return new PassageStoreRoute(endpoints, store, live, properties.storeRetryDelay().toMillis());
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
