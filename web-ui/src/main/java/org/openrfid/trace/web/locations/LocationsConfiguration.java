package org.openrfid.trace.web.locations;

import org.openrfid.trace.service.location.Locations;
import org.openrfid.trace.service.passage.PassageQueries;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.openrfid.trace.web.console.DisplayNames;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LocationsConfiguration {

    @Bean
    LocationPassages locationPassages(PassageQueries passages, Locations locations, TagBindings bindings, DisplayNames names) {
        return new LocationPassages(passages, locations, bindings, names);
    }
}
