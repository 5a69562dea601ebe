package org.openrfid.trace.service.registry;

import java.time.Clock;
import org.openrfid.trace.service.location.web.LocationCsv;
import org.openrfid.trace.service.location.Locations;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.openrfid.trace.service.registry.binding.Tags;
import org.openrfid.trace.service.registry.vehicle.VehicleCsv;
import org.openrfid.trace.service.registry.vehicle.Vehicles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The registry's import/export services over whichever store adapters are wired. */
@Configuration(proxyBeanMethods = false)
public class RegistryConfiguration {

    @Bean
    VehicleCsv vehicleCsv(Vehicles vehicles, Tags tags, TagBindings bindings, PlatformTransactionManager txManager, Clock clock) {
        return new VehicleCsv(vehicles, tags, bindings, new TransactionTemplate(txManager), clock);
    }

    @Bean
    LocationCsv locationCsv(Locations locations, PlatformTransactionManager txManager) {
        return new LocationCsv(locations, new TransactionTemplate(txManager));
    }
}
