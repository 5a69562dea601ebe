package org.openrfid.trace.web.dashboard;

import java.time.Clock;
import java.time.Duration;
import org.openrfid.trace.service.alert.Alerts;
import org.openrfid.trace.service.passage.LivePassages;
import org.openrfid.trace.service.privacy.Restrictions;
import org.openrfid.trace.service.readerfleet.ReaderConnections;
import org.openrfid.trace.web.console.ConsoleZone;
import org.openrfid.trace.web.console.DisplayNames;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.ITemplateEngine;

@Configuration(proxyBeanMethods = false)
class DashboardConfiguration {

    @Bean
    PassageRates passageRates(Clock clock) {
        return new PassageRates(clock);
    }

    @Bean
    DashboardCounters dashboardCounters(PassageRates rates, ReaderConnections readers, Alerts alerts) {
        return new DashboardCounters(rates, readers, alerts);
    }

    @Bean(destroyMethod = "close")
    LivePassageFeed livePassageFeed(LivePassages live, DisplayNames names, ITemplateEngine templates, ConsoleZone zone,
                                    PassageRates rates, DashboardCounters counters,
                                    @Value("${rfid.ui.dashboard.counters-every:5s}") Duration countersEvery) {
        return new LivePassageFeed(live, names, templates, zone, rates, counters, countersEvery);
    }

    @Bean
    RestrictedObjects restrictedObjects(Restrictions restrictions, Clock clock) {
        return new RestrictedObjects(restrictions, clock);
    }
}
