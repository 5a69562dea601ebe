package org.openrfid.trace.service.user;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
public class UserConfiguration {

    @Bean
    UserAdministration userAdministration(Users users, ApiTokens tokens, UserSessions sessions, PasswordEncoder encoder,
                                          ObjectProvider<Clock> clock) {
        return new UserAdministration(users, tokens, sessions, encoder, clock.getIfAvailable(Clock::systemUTC));
    }
}
