package org.openrfid.trace.service.testsupport;

import javax.sql.DataSource;
import org.openrfid.trace.service.passage.PassageQueries;
import org.openrfid.trace.service.passage.jdbc.PassageStoreConfiguration;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.openrfid.trace.service.registry.binding.Tags;
import org.openrfid.trace.service.registry.binding.jdbc.BindingStoreConfiguration;
import org.openrfid.trace.service.registry.vehicle.Vehicles;
import org.openrfid.trace.service.registry.vehicle.jdbc.VehicleStoreConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/** The vehicle, tag, binding and passage-query adapters of one database, built as the application builds them. */
public record RegistryStores(Vehicles vehicles, Tags tags, TagBindings bindings, PassageQueries passageQueries) {

    public static RegistryStores create(DataSource dataSource, TransactionTemplate tx) {
        return new RegistryStores(VehicleStoreConfiguration.createVehicles(dataSource, tx),
                BindingStoreConfiguration.createTags(dataSource, tx),
                BindingStoreConfiguration.createTagBindings(dataSource, tx),
                PassageStoreConfiguration.createPassageQueries(dataSource));
    }
}
