package org.openrfid.trace.service.registry.goods;

import org.openrfid.trace.service.registry.binding.TagBinder;
import java.time.Clock;
import org.openrfid.trace.service.passage.PassageQueries;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.binding.RegisteredObjects;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Goods, pallet and aggregation services over whichever store adapters are wired. */
@Configuration(proxyBeanMethods = false)
public class GoodsConfiguration {

    /** Goods items and pallets are objects a tag may be bound to. */
    @Bean
    RegisteredObjects registeredGoods(GoodsItems goods) {
        return new RegisteredObjects() {
            @Override
            public ObjectKind kind() {
                return ObjectKind.GOODS;
            }

            @Override
            public boolean exists(String objectId) {
                java.util.UUID id = RegisteredObjects.uuidOrNull(objectId);
                return id != null && goods.find(id).isPresent();
            }
        };
    }

    @Bean
    RegisteredObjects registeredPallets(Pallets pallets) {
        return new RegisteredObjects() {
            @Override
            public ObjectKind kind() {
                return ObjectKind.PALLET;
            }

            @Override
            public boolean exists(String objectId) {
                return pallets.find(objectId).isPresent();
            }
        };
    }

    @Bean
    GoodsCsv goodsCsv(GoodsItems goods, TagBinder binder, TagBindings bindings, PlatformTransactionManager tx, Clock clock) {
        return new GoodsCsv(goods, binder, bindings, new TransactionTemplate(tx), clock);
    }

    @Bean
    PalletCsv palletCsv(Pallets pallets, TagBinder binder, TagBindings bindings, PlatformTransactionManager tx, Clock clock) {
        return new PalletCsv(pallets, binder, bindings, new TransactionTemplate(tx), clock);
    }

    @Bean
    AggregationCsv aggregationCsv(Aggregations aggregations, TagBindings bindings, PlatformTransactionManager tx, Clock clock) {
        return new AggregationCsv(aggregations, bindings, new TransactionTemplate(tx), clock);
    }

    @Bean
    GoodsHistory goodsHistory(TagBindings bindings, Aggregations aggregations, PassageQueries passages) {
        return new GoodsHistory(bindings, aggregations, passages);
    }
}
