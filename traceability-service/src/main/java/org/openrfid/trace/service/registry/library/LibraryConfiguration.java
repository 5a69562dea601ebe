package org.openrfid.trace.service.registry.library;

import java.time.Clock;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.openrfid.trace.service.registry.goods.TagBinder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
public class LibraryConfiguration {

    @Bean
    LibraryItemCsv libraryItemCsv(LibraryItems items, TagBinder binder, TagBindings bindings, PlatformTransactionManager tx, Clock clock) {
        return new LibraryItemCsv(items, binder, bindings, new TransactionTemplate(tx), clock);
    }
}
