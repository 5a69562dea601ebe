package org.openrfid.trace.web.console;

import org.openrfid.trace.service.location.Locations;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.openrfid.trace.service.registry.goods.GoodsItems;
import org.openrfid.trace.service.registry.goods.Pallets;
import org.openrfid.trace.service.registry.library.LibraryItems;
import org.openrfid.trace.service.registry.vehicle.Vehicles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ConsoleBeans {

    @Bean
    DisplayNames displayNames(Locations locations, TagBindings bindings, Vehicles vehicles, GoodsItems goods, Pallets pallets,
                              LibraryItems library) {
        return new DisplayNames(locations, bindings, vehicles, goods, pallets, library);
    }
}
