package org.openrfid.trace.service.customs;

import java.time.Clock;
import org.openrfid.trace.service.audit.Auditor;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.openrfid.trace.service.registry.goods.Aggregations;
import org.openrfid.trace.service.registry.goods.GoodsItems;
import org.openrfid.trace.service.registry.watchlist.Watchlist;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
public class CustomsConfiguration {

    @Bean
    CustomsDesk customsDesk(Declarations declarations, Watchlist watchlist, Aggregations aggregations, GoodsItems goods, TagBindings bindings,
                            Auditor auditor, Clock clock) {
        return new CustomsDesk(declarations, watchlist, aggregations, goods, bindings, auditor, clock);
    }

    @Bean
    DeclarationCsv declarationCsv(Declarations declarations, CustomsDesk desk, PlatformTransactionManager tx, Clock clock) {
        return new DeclarationCsv(declarations, desk, new TransactionTemplate(tx), clock);
    }

    @Bean
    CustomsReconciler customsReconciler(Declarations declarations, Watchlist watchlist) {
        return new CustomsReconciler(declarations, watchlist);
    }
}
