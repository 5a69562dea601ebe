package org.openrfid.trace.service.audit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The auditor other features call, the failed-login and access-denied listeners. The trail itself is wired by {@code AuditStoreConfiguration}. */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    @Bean
    Auditor auditor(AuditTrail trail) {
        return new Auditor(trail);
    }

    @Bean
    LoginFailureAuditor loginFailureAuditor(Auditor auditor) {
        return new LoginFailureAuditor(auditor);
    }

    @Bean
    AccessDeniedAuditor accessDeniedAuditor(Auditor auditor) {
        return new AccessDeniedAuditor(auditor);
    }
}
