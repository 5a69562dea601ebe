package org.openrfid.trace.service.platform.security;

import static org.springframework.security.config.Customizer.withDefaults;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Everything needs login except health and the login page; {@code /api/v1/admin/**} needs role ADMIN. Browsers log in with a form and keep a
 * session; machine clients send HTTP Basic to the API and get 401, not a login page, when they fail.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    @Bean
    AdminCredentials adminCredentials(Environment environment) {
        return AdminCredentials.from(environment.getProperty("RFID_ADMIN_PASSWORD"));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(AdminCredentials admin, PasswordEncoder encoder) {
        return new InMemoryUserDetailsManager(User.withUsername(AdminCredentials.USERNAME)
                .password(encoder.encode(admin.password()))
                .roles("ADMIN", "OPERATOR")
                .build());
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, @Value("${rfid.security.login-page:}") String loginPage) throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(path.matcher("/actuator/health"), path.matcher("/actuator/health/**")).permitAll()
                        .requestMatchers(path.matcher("/login"), path.matcher("/error"), path.matcher("/webjars/**"),
                                path.matcher("/css/**"), path.matcher("/img/**"), path.matcher("/favicon.ico")).permitAll()
                        // Administration (retention runs and the like) is for the ADMIN role only.
                        .requestMatchers(path.matcher("/api/v1/admin/**")).hasRole("ADMIN")
                        .requestMatchers(path.matcher("/api/v1/audit/**")).hasAnyRole("AUDITOR", "ADMIN")
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("rfid-trace"))
                .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), path.matcher("/api/**")))
                // Machine clients send their own credentials on every call, which a cross-site form cannot;
                // calls that ride on the browser's session cookie still need the CSRF token.
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null
                        && (path.matcher("/api/**").matches(request) || path.matcher("/epcis/**").matches(request))))
                .logout(withDefaults());
        if (loginPage.isBlank()) {
            http.formLogin(withDefaults());
        } else {
            http.formLogin(form -> form.loginPage(loginPage).permitAll());
        }
        return http.build();
    }
}
