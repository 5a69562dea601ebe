package org.openrfid.trace.service.library.sip2;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * With {@code rfid.library.sip2.enabled=true}, library gates ask the library system over SIP2 for each item's
 * circulation status: {@code rfid.library.sip2.host} (required), {@code .port} (6001), {@code .timeout} (800ms, the
 * whole question), {@code .institution} (AO), {@code .terminal-password} (AC), {@code .error-detection} (true:
 * AY/AZ sequence and checksum), {@code .login-user}/{@code .login-password}/{@code .location-code} (a Login, 93,
 * first when a user is set). Its bean is the {@code GateCirculation} the gate rule uses; off by default, when
 * the registry's loan status decides.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "rfid.library.sip2.enabled", havingValue = "true")
public class Sip2Configuration {

    @Bean
    Sip2GateCirculation sip2GateCirculation(Environment env, Clock clock) {
        return new Sip2GateCirculation(new Sip2Client(settings(env), clock));
    }

    static Sip2Client.Settings settings(Environment env) {
        String host = env.getProperty("rfid.library.sip2.host");
        if (host == null || host.isBlank()) {
            throw new IllegalStateException("rfid.library.sip2.enabled is true but rfid.library.sip2.host is not set");
        }
        return new Sip2Client.Settings(host,
                env.getProperty("rfid.library.sip2.port", Integer.class, 6001),
                env.getProperty("rfid.library.sip2.timeout", Duration.class, Duration.ofMillis(800)),
                env.getProperty("rfid.library.sip2.institution", ""),
                env.getProperty("rfid.library.sip2.terminal-password"),
                env.getProperty("rfid.library.sip2.error-detection", Boolean.class, true),
                env.getProperty("rfid.library.sip2.login-user"),
                env.getProperty("rfid.library.sip2.login-password"),
                env.getProperty("rfid.library.sip2.location-code"));
    }

}
