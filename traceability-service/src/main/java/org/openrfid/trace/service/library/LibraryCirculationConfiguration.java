package org.openrfid.trace.service.library;

import java.time.Clock;
import java.time.ZoneId;
import org.openrfid.trace.service.audit.Auditor;
import org.openrfid.trace.service.location.Locations;
import org.openrfid.trace.service.passage.LivePassages;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.openrfid.trace.service.registry.library.LibraryItems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires library circulation: loans and returns, and shelf inventories (fed by the stored passages). The
 * loan status library gates act on is the registry's unless {@code sip2.Sip2Configuration} is switched on.
 */
@Configuration(proxyBeanMethods = false)
public class LibraryCirculationConfiguration {

    @Bean
    ItemReferences libraryItemReferences(LibraryItems items, TagBindings bindings) {
        return new ItemReferences(items, bindings);
    }

    @Bean
    Circulation libraryCirculation(LibraryItems items, Loans loans, ItemReferences references, Auditor auditor, PlatformTransactionManager tx,
                                   Clock clock, @Value("${rfid.library.time-zone:UTC}") String zone) {
        return new Circulation(items, loans, references, auditor, new TransactionTemplate(tx), clock, ZoneId.of(zone));
    }

    @Bean
    ShelfInventory shelfInventory(Inventories inventories, LibraryItems items, ItemReferences references, Locations locations, Clock clock,
                                  ObjectProvider<LivePassages> live) {
        ShelfInventory inventory = new ShelfInventory(inventories, items, references, locations, clock);
        live.ifAvailable(l -> l.subscribeEnriched(inventory::onPassages));
        return inventory;
    }

    /** The library gate's gate transactions, compared with the loans (the alarm itself is the gate rule's). */
    @Bean
    LibraryGateReconciler libraryGateReconciler(LibraryItems items, ObjectProvider<GateCirculation> circulation) {
        return new LibraryGateReconciler(items, circulation.getIfAvailable(() -> GateCirculation.LOCAL));
    }
}
