package org.openrfid.trace.service.registry.library;

import java.time.Clock;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.openrfid.trace.service.registry.binding.TagBinder;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.binding.RegisteredObjects;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
public class LibraryConfiguration {

    /** Library items are objects a tag may be bound to. */
    @Bean
    RegisteredObjects registeredLibraryItems(LibraryItems items) {
        return new RegisteredObjects() {
            @Override
            public ObjectKind kind() {
                return ObjectKind.LIBRARY_ITEM;
            }

            @Override
            public boolean exists(String objectId) {
                return items.find(objectId).isPresent();
            }
        };
    }

    @Bean
    LibraryItemCsv libraryItemCsv(LibraryItems items, TagBinder binder, TagBindings bindings, PlatformTransactionManager tx, Clock clock) {
        return new LibraryItemCsv(items, binder, bindings, new TransactionTemplate(tx), clock);
    }
}
