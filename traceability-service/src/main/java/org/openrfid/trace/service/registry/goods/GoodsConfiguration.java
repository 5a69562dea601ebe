package org.openrfid.trace.service.registry.goods;

import java.time.Clock;
import org.openrfid.trace.service.passage.PassageQueries;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Goods, pallet and aggregation services over whichever store adapters are wired. */
@Configuration(proxyBeanMethods = false)
public class GoodsConfiguration {

    @Bean
    TagBinder tagBinder(NewTags tags, TagBindings bindings) {
        return new TagBinder(tags, bindings);
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
