package org.openrfid.trace.service.alert.engine;

import org.openrfid.trace.service.alert.AlertService;
import org.openrfid.trace.service.alert.AlertStream;
import org.openrfid.trace.service.alert.Alerts;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.openrfid.trace.service.alert.rule.RuleDefinitions;
import org.openrfid.trace.service.alert.rule.RuleFactory;
import org.openrfid.trace.service.anpr.PlateReadFeed;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rule engine, the alert service and its live stream. Every {@link RuleFactory} bean in the context
 * joins the engine (the rules' own configurations make them, {@code alert.rules.catalogue} most); the
 * pipeline assembly feeds it stored passages and arrivals, the ANPR ingest its camera reads.
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
    RuleEngine ruleEngine(List<RuleFactory> factories, RuleDefinitions definitions, AlertService alerts, Clock clock, MeterRegistry meters,
                          ObjectProvider<PlateReadFeed> plates, @Value("${rfid.alerts.engine.queue-size:10000}") int queueSize) {
        RuleEngine engine = new RuleEngine(factories, definitions, alerts, clock, queueSize, meters).start();
        plates.ifAvailable(feed -> feed.subscribe(engine::plateReads));
        return engine;
    }
}
