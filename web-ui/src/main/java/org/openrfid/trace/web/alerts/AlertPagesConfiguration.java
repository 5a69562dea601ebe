package org.openrfid.trace.web.alerts;

import org.openrfid.trace.service.alert.AlertStream;
import org.openrfid.trace.service.enrichment.LocationCache;
import org.openrfid.trace.web.console.ConsoleZone;
import org.openrfid.trace.web.console.DisplayNames;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.ITemplateEngine;

@Configuration(proxyBeanMethods = false)
class AlertPagesConfiguration {

    @Bean
    AlertVisibility alertVisibility(LocationCache locations) {
        return new AlertVisibility(locations);
    }

    @Bean
    AlertRows alertRows(DisplayNames names) {
        return new AlertRows(names);
    }

    @Bean
    AlertLiveFeed alertLiveFeed(AlertStream stream, AlertRows rows, AlertVisibility visibility, ITemplateEngine templates, ConsoleZone zone) {
        return new AlertLiveFeed(stream, rows, visibility, templates, zone);
    }
}
