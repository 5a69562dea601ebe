package org.openrfid.trace.service.alert.rules.plate;

import java.time.Clock;
import org.openrfid.trace.service.alert.rule.RuleFactory;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.openrfid.trace.service.registry.vehicle.Vehicles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The two camera-vs-e-plate rule factories; the rule engine takes every {@link RuleFactory} bean. */
@Configuration(proxyBeanMethods = false)
class PlateRulesConfiguration {

    @Bean
    RuleFactory plateMismatchRules(Vehicles vehicles, TagBindings bindings, Clock clock) {
        return PlateRules.mismatch(PlateRules.registry(vehicles, bindings, clock));
    }

    @Bean
    RuleFactory plateWithoutTagRules(Vehicles vehicles, TagBindings bindings, Clock clock) {
        return PlateRules.withoutTag(PlateRules.registry(vehicles, bindings, clock));
    }
}
