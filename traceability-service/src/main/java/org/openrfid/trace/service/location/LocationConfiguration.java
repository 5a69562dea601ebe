package org.openrfid.trace.service.location;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The location registry's import/export over whichever store adapter is wired. */
@Configuration(proxyBeanMethods = false)
public class LocationConfiguration {

    @Bean
    LocationCsv locationCsv(Locations locations, PlatformTransactionManager txManager) {
        return new LocationCsv(locations, new TransactionTemplate(txManager));
    }
}
