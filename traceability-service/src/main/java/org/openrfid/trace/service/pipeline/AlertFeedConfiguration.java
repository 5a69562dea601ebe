package org.openrfid.trace.service.pipeline;

import java.util.List;
import org.apache.camel.builder.RouteBuilder;
import org.openrfid.trace.pipeline.PipelineEndpoints;
import org.openrfid.trace.pipeline.SmoothingStage.TagArrival;
import org.openrfid.trace.service.alert.engine.RuleEngine;
import org.openrfid.trace.service.anpr.AnprProperties;
import org.openrfid.trace.service.anpr.PlateIngest;
import org.openrfid.trace.service.ingest.DeadLetters;
import org.openrfid.trace.service.ingest.IngestProperties;
import org.openrfid.trace.service.passage.EnrichedPassage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The routes around the alerts: stored passages and first arrivals into the rule engine (the queues'
 * URIs exactly as the pipeline made them, since a seda queue keeps the size it was created with), and
 * camera plate reads from MQTT into the ANPR ingest.
 */
@Configuration(proxyBeanMethods = false)
class AlertFeedConfiguration {

    @Bean
    RouteBuilder ruleEngineFeedRoutes(RuleEngine engine, PipelineEndpoints endpoints) {
        return new RouteBuilder() {
            @Override
            @SuppressWarnings("unchecked")
            public void configure() {
                from(EnrichedPassageFeed.ENDPOINT).routeId("alert-rules-passages")
                        .process(e -> engine.passages((List<EnrichedPassage>) e.getMessage().getBody(List.class)));
                from(endpoints.arrivals()).routeId("alert-rules-arrivals")
                        .process(e -> engine.arrivals((List<TagArrival>) e.getMessage().getBody(List.class)));
            }
        };
    }

    @Bean
    @ConditionalOnProperty(name = "rfid.ingest.mqtt.enabled", havingValue = "true")
    PlateMqttRoute plateMqttRoute(IngestProperties ingest, AnprProperties anpr, PlateIngest plates, DeadLetters deadLetters) {
        return new PlateMqttRoute(ingest.mqtt(), anpr.mqttTopic(), plates, deadLetters);
    }
}
