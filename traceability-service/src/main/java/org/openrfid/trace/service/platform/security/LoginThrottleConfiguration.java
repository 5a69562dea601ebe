package org.openrfid.trace.service.platform.security;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Login throttling ({@code rfid.security.login-throttle.max-failures}, default 10, within
 * {@code .window}, default 5 minutes), registered just before Spring Security's filter chain.
 */
@Configuration(proxyBeanMethods = false)
class LoginThrottleConfiguration {

    @Bean
    FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(
            @Value("${rfid.security.login-throttle.max-failures:10}") int maxFailures,
            @Value("${rfid.security.login-throttle.window:5m}") Duration window, ObjectProvider<Clock> clock) {
        LoginThrottle throttle = new LoginThrottle(maxFailures, window, clock.getIfAvailable(Clock::systemUTC));
        FilterRegistrationBean<LoginThrottleFilter> registration = new FilterRegistrationBean<>(new LoginThrottleFilter(throttle));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }
}
