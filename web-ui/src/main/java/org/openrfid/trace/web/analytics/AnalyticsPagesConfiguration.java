package org.openrfid.trace.web.analytics;

import org.openrfid.trace.service.analytics.Analytics;
import org.openrfid.trace.service.analytics.AnalyticsProperties;
import org.openrfid.trace.service.location.Locations;
import org.openrfid.trace.service.passage.PassageQueries;
import org.openrfid.trace.service.privacy.Lookups;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.openrfid.trace.service.registry.vehicle.Vehicles;
import org.openrfid.trace.web.console.DisplayNames;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AnalyticsPagesConfiguration {

    @Bean
    AnalyticsCharts analyticsCharts(Analytics analytics, PassageQueries passages, AnalyticsProperties limits, Lookups lookups,
                                    DisplayNames names, Locations locations) {
        return new AnalyticsCharts(analytics, passages, limits, lookups, new Places(names), locations);
    }

    @Bean
    CompanionLookup companionLookup(Analytics analytics, Vehicles vehicles, TagBindings bindings, Lookups lookups, DisplayNames names) {
        return new CompanionLookup(analytics, vehicles, bindings, lookups, names);
    }
}
