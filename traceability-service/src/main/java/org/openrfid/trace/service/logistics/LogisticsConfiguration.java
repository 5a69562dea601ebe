package org.openrfid.trace.service.logistics;

import org.openrfid.trace.service.gate.GateTransactionStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
public class LogisticsConfiguration {

    @Bean
    ShipmentCsv shipmentCsv(Shipments shipments, PlatformTransactionManager tx) {
        return new ShipmentCsv(shipments, new TransactionTemplate(tx));
    }

    @Bean
    LogisticsReconciler logisticsReconciler(Shipments shipments, GateTransactionStore transactions) {
        return new LogisticsReconciler(shipments, transactions);
    }
}
