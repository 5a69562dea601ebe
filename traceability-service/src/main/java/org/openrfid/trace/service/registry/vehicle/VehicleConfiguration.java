package org.openrfid.trace.service.registry.vehicle;

import java.time.Clock;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.binding.RegisteredObjects;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.openrfid.trace.service.registry.binding.Tags;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The vehicle registry's import/export over whichever store adapters are wired. */
@Configuration(proxyBeanMethods = false)
public class VehicleConfiguration {

    @Bean
    VehicleCsv vehicleCsv(Vehicles vehicles, Tags tags, TagBindings bindings, PlatformTransactionManager txManager, Clock clock) {
        return new VehicleCsv(vehicles, tags, bindings, new TransactionTemplate(txManager), clock);
    }

    /** Vehicles are objects a tag may be bound to. */
    @Bean
    RegisteredObjects registeredVehicles(Vehicles vehicles) {
        return new RegisteredObjects() {
            @Override
            public ObjectKind kind() {
                return ObjectKind.VEHICLE;
            }

            @Override
            public boolean exists(String objectId) {
                java.util.UUID id = RegisteredObjects.uuidOrNull(objectId);
                return id != null && vehicles.find(id).isPresent();
            }
        };
    }
}
