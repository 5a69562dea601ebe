package org.openrfid.trace.service.gate;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.openrfid.trace.service.epcis.EpcisEventStore;
import org.openrfid.trace.service.epcis.EpcisSchema;
import org.openrfid.trace.service.passage.LivePassages;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.openrfid.trace.service.registry.goods.Aggregations;
import org.openrfid.trace.service.registry.goods.GoodsItems;
import org.openrfid.trace.service.registry.vehicle.Vehicles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gate transactions: {@code rfid.gate.window} (default 5 s) is how long after a gate's last read a
 * transaction stays open for more; every {@link GateReconciler} bean adds its kind of gate.
 */
@Configuration(proxyBeanMethods = false)
public class GateConfiguration {

    @Bean
    GateTransactions gateTransactions(List<GateReconciler> reconcilers, Vehicles vehicles, GoodsItems goods, Aggregations aggregations,
                                      TagBindings bindings, GateTransactionStore store, EpcisEventStore epcis, EpcisSchema schema,
                                      Clock clock) {
        return new GateTransactions(reconcilers, new GateContentsResolver(vehicles, goods, aggregations, bindings), store, epcis, schema, clock);
    }

    @Bean(destroyMethod = "close")
    GateFeed gateFeed(GateTransactions transactions, LivePassages live, Clock clock,
                      @Value("${rfid.gate.window:5s}") Duration window) {
        GateFeed feed = new GateFeed(transactions, window, clock);
        live.subscribeEnriched(feed);
        // Ticks well inside the window, so a transaction is recorded at most a fraction of a window late.
        return feed.start(Duration.ofMillis(Math.max(100, Math.min(1000, window.toMillis() / 4))));
    }
}
