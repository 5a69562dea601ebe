package org.openrfid.trace.service.privacy;

import java.time.Clock;
import org.openrfid.trace.service.audit.Auditor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who the caller is and what they see ({@link Callers}), and the audited lookups every tracking query goes through. */
@Configuration(proxyBeanMethods = false)
public class PrivacyConfiguration {

    @Bean
    Callers callers(ObjectProvider<Clock> clock) {
        return new Callers(clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    Lookups lookups(Auditor auditor, Callers callers, Restrictions restrictions) {
        return new Lookups(auditor, callers, restrictions);
    }
}
