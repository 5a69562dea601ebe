package org.openrfid.trace.web.gates;

import org.openrfid.trace.service.gate.GateTransactionStore;
import org.openrfid.trace.service.gate.GateTransactions;
import org.openrfid.trace.service.registry.library.LibraryItems;
import org.openrfid.trace.web.console.ConsoleZone;
import org.openrfid.trace.web.console.DisplayNames;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.ITemplateEngine;

/** The gate monitors of the customs and library desks. */
@Configuration(proxyBeanMethods = false)
class GateDeskConfiguration {

    @Bean
    GateRows gateRows(GateTransactionStore store, DisplayNames names, LibraryItems library) {
        return new GateRows(store, names, library);
    }

    @Bean(destroyMethod = "close")
    GateDeskFeed gateDeskFeed(GateTransactions transactions, GateRows rows, ITemplateEngine templates, ConsoleZone zone) {
        return new GateDeskFeed(transactions, rows, templates, zone);
    }
}
