package org.openrfid.trace.service.platform.security;

import static org.springframework.security.config.Customizer.withDefaults;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Optional;
import org.openrfid.trace.service.user.ApiTokens;
import org.openrfid.trace.service.user.UserSessions;
import org.openrfid.trace.service.user.Users;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Everything needs login except health and the login page; {@code /api/v1/admin/**}, privacy, webhooks and the users API need
 * role ADMIN; a user's tokens are for ADMIN or that user; each desk role reaches its own registries and the
 * shared passage, tag and analytics APIs, whose answers {@code privacy.Scope} limits to the kinds it sees. Browsers log in with a form and keep a session (registered, so
 * disabling a user ends it); machine clients send HTTP Basic or {@code Authorization: Bearer <token>} to the API and
 * get 401, not a login page, when they fail. Who may log in: {@link AccountDetailsService}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    /** The people who work with tracking data; AUDITOR and the machine roles are not among them. */
    static final String[] DESKS = {"ADMIN", "TRAFFIC", "CUSTOMS", "LOGISTICS", "LIBRARIAN"};

    @Bean
    AdminCredentials adminCredentials(Environment environment) {
        return AdminCredentials.from(environment.getProperty("RFID_ADMIN_PASSWORD"));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AccountDetailsService userDetailsService(AdminCredentials admin, PasswordEncoder encoder, ObjectProvider<Users> users) {
        return new AccountDetailsService(encoder.encode(admin.password()), Optional.ofNullable(users.getIfAvailable()));
    }

    /** Publishes the endpoint rules' refusals, which {@code audit.AccessDeniedAuditor} records. */
    @Bean
    AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher events) {
        return new SpringAuthorizationEventPublisher(events);
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Tells the session registry when the servlet container ends a session. */
    @Bean
    static HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    UserSessions userSessions(SessionRegistry registry) {
        return new RegistrySessions(registry);
    }

    private static org.springframework.security.web.access.AccessDeniedHandler pageDeniedHandler(String deniedPage) {
        org.springframework.security.web.access.AccessDeniedHandlerImpl handler = new org.springframework.security.web.access.AccessDeniedHandlerImpl();
        if (!deniedPage.isBlank()) {
            handler.setErrorPage(deniedPage);
        }
        return handler;
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, @Value("${rfid.security.login-page:}") String loginPage,
                                            @Value("${rfid.security.denied-page:}") String deniedPage,
                                            @Value("${rfid.security.landing-page:}") String landingPage,
                                            AccountDetailsService accounts, SessionRegistry sessionRegistry,
                                            ObjectProvider<ApiTokens> tokens, ObjectProvider<Clock> clock,
                                            @Value("${rfid.ui.map.tiles:}") String mapTiles) throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        String login = loginPage.isBlank() ? "/login" : loginPage;
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(path.matcher("/actuator/health"), path.matcher("/actuator/health/**")).permitAll()
                        .requestMatchers(path.matcher("/login"), path.matcher("/error"), path.matcher("/webjars/**"),
                                path.matcher("/css/**"), path.matcher("/js/**"), path.matcher("/img/**"), path.matcher("/favicon.ico")).permitAll()
                        // Administration (retention runs and the like) is for the ADMIN role only.
                        .requestMatchers(path.matcher("/api/v1/admin/**")).hasRole("ADMIN")
                        // the console's administration pages (users, readers, registry…)
                        .requestMatchers(path.matcher("/admin/**"), path.matcher("/readers"), path.matcher("/readers/**")).hasRole("ADMIN")
                        .requestMatchers(path.matcher("/audit"), path.matcher("/audit/**")).hasAnyRole("AUDITOR", "ADMIN")
                        // the console's desks: the port desk for customs, the library desk for librarians, the dock desk for logistics
                        .requestMatchers(path.matcher("/customs"), path.matcher("/customs/**")).hasAnyRole("CUSTOMS", "ADMIN")
                        .requestMatchers(path.matcher("/library"), path.matcher("/library/**")).hasAnyRole("LIBRARIAN", "ADMIN")
                        .requestMatchers(path.matcher("/logistics"), path.matcher("/logistics/**")).hasAnyRole("LOGISTICS", "ADMIN")
                        // the console's tracking pages and their live parts are for the desks (what each desk
                        // sees of them is scoped by its role); "/" sends an auditor on to the trail
                        .requestMatchers(path.matcher("/map"), path.matcher("/search"), path.matcher("/alerts"), path.matcher("/alerts/**"),
                                path.matcher("/locations/**"), path.matcher("/vehicles/**"), path.matcher("/goods/**"),
                                path.matcher("/pallets/**"), path.matcher("/containers/**"), path.matcher("/library-items/**"),
                                path.matcher("/tags"), path.matcher("/tags/**"), path.matcher("/ui/**"),
                                path.matcher("/analytics"), path.matcher("/analytics/**")).hasAnyRole(DESKS)
                        // A user's API tokens: ADMIN, or the user for themself.
                        .requestMatchers(path.matcher("/api/v1/users/{username}/tokens/**")).access(adminOrSelf())
                        .requestMatchers(path.matcher("/api/v1/users"), path.matcher("/api/v1/users/**")).hasRole("ADMIN")
                        .requestMatchers(path.matcher("/api/v1/me")).authenticated()
                        // Machines: scrapers hold METRICS, read pushers INGEST (ADMIN may do both).
                        .requestMatchers(path.matcher("/actuator/prometheus")).hasAnyRole("METRICS", "ADMIN")
                        .requestMatchers(path.matcher("/actuator/**")).hasRole("ADMIN")
                        .requestMatchers(path.matcher("/api/v1/ingest/**")).hasAnyRole("INGEST", "ADMIN")
                        // The audit trail: auditors read it, administrators too.
                        .requestMatchers(path.matcher("/api/v1/audit/**")).hasAnyRole("AUDITOR", "ADMIN")
                        .requestMatchers(path.matcher("/api/v1/privacy/**")).hasRole("ADMIN")
                        // Webhooks send alert data to other systems and hold their signing secrets.
                        .requestMatchers(path.matcher("/api/v1/webhooks"), path.matcher("/api/v1/webhooks/**")).hasRole("ADMIN")
                        // Each desk its registries (README roles table); what their queries return is scoped again by kind.
                        .requestMatchers(path.matcher(HttpMethod.GET, "/api/v1/vehicles/**")).hasAnyRole("TRAFFIC", "CUSTOMS", "ADMIN")
                        .requestMatchers(path.matcher("/api/v1/vehicles/**")).hasAnyRole("TRAFFIC", "ADMIN")
                        // Camera plate reads are vehicles seen: the roles that see vehicles (ingest is under /api/v1/ingest).
                        .requestMatchers(path.matcher(HttpMethod.GET, "/api/v1/plate-reads/**")).hasAnyRole("TRAFFIC", "CUSTOMS", "ADMIN")
                        .requestMatchers(path.matcher("/api/v1/plate-reads/**")).hasRole("ADMIN")
                        .requestMatchers(path.matcher("/api/v1/customs/**")).hasAnyRole("CUSTOMS", "ADMIN")
                        .requestMatchers(path.matcher("/api/v1/logistics/**")).hasAnyRole("LOGISTICS", "ADMIN")
                        .requestMatchers(path.matcher("/api/v1/containers/**")).hasAnyRole("CUSTOMS", "LOGISTICS", "ADMIN")
                        .requestMatchers(path.matcher("/api/v1/goods/**"), path.matcher("/api/v1/pallets/**"))
                                .hasAnyRole("CUSTOMS", "LOGISTICS", "ADMIN")
                        .requestMatchers(path.matcher("/api/v1/library-items/**")).hasAnyRole("LIBRARIAN", "ADMIN")
                        // Loans, returns and shelf inventories: the library desk only.
                        .requestMatchers(path.matcher("/api/v1/library/**")).hasAnyRole("LIBRARIAN", "ADMIN")
                        .requestMatchers(path.matcher("/api/v1/watchlist/**")).hasAnyRole("TRAFFIC", "CUSTOMS", "ADMIN")
                        // EPCIS is the supply chain's interface: customs and logistics query it, machines may capture.
                        .requestMatchers(path.matcher(HttpMethod.POST, "/epcis/capture")).hasAnyRole("CUSTOMS", "LOGISTICS", "INGEST", "ADMIN")
                        .requestMatchers(path.matcher("/epcis/**"), path.matcher(HttpMethod.GET, "/api/v1/epcis/**"))
                                .hasAnyRole("CUSTOMS", "LOGISTICS", "ADMIN")
                        .requestMatchers(path.matcher("/api/v1/epcis/**")).hasRole("ADMIN")
                        // Passages, tags and analytics: every desk, each seeing its own kinds (privacy.Scope).
                        .requestMatchers(path.matcher("/api/v1/passages/**"), path.matcher("/api/v1/tags/**"),
                                path.matcher("/api/v1/objects/**"), path.matcher("/api/v1/analytics/**")).hasAnyRole(DESKS)
                        // The checkpoint network: every desk reads it, ADMIN changes it.
                        .requestMatchers(path.matcher(HttpMethod.GET, "/api/v1/readers/**"), path.matcher(HttpMethod.GET, "/api/v1/locations/**"))
                                .hasAnyRole(DESKS)
                        .requestMatchers(path.matcher(HttpMethod.GET, "/api/v1/road-links/**")).hasAnyRole(DESKS)
                        .requestMatchers(path.matcher("/api/v1/readers/**"), path.matcher("/api/v1/locations/**"),
                                path.matcher("/api/v1/road-links/**")).hasRole("ADMIN")
                        // Alerts: every desk sees and works the alerts of its own kinds; ADMIN sets the rules.
                        .requestMatchers(path.matcher("/api/v1/alerts"), path.matcher("/api/v1/alerts/**")).hasAnyRole(DESKS)
                        .requestMatchers(path.matcher(HttpMethod.GET, "/api/v1/rules"), path.matcher(HttpMethod.GET, "/api/v1/rules/**"))
                                .hasAnyRole(DESKS)
                        .requestMatchers(path.matcher("/api/v1/rules"), path.matcher("/api/v1/rules/**")).hasRole("ADMIN")
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("rfid-trace"))
                .addFilterBefore(new BearerTokenFilter(() -> Optional.ofNullable(tokens.getIfAvailable()), accounts,
                        clock.getIfAvailable(Clock::systemUTC)), BasicAuthenticationFilter.class)
                .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(
                                new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), path.matcher("/api/**"))
                        .defaultAccessDeniedHandlerFor(new ProblemAccessDeniedHandler(), path.matcher("/api/**"))
                        // a page refused to a logged-in person: the console's own 403 page in their language
                        // (forwarded, so it gets the menu and layout), not the container's bare error
                        // (after the API's: the first matching entry answers; EPCIS keeps the default, as before)
                        .defaultAccessDeniedHandlerFor(pageDeniedHandler(deniedPage),
                                request -> !path.matcher("/epcis/**").matches(request)))
                // Every form login is registered, so that disabling or deleting a user ends its sessions at once.
                .sessionManagement(session -> session.maximumSessions(-1).sessionRegistry(sessionRegistry)
                        .expiredSessionStrategy(event -> {
                            HttpServletResponse response = event.getResponse();
                            if (path.matcher("/api/**").matches(event.getRequest())) {
                                response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "session ended");
                            } else {
                                response.sendRedirect(event.getRequest().getContextPath() + login + "?expired");
                            }
                        }))
                // Machine clients send their own credentials on every call, which a cross-site form cannot;
                // calls that ride on the browser's session cookie still need the CSRF token.
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null
                        && (path.matcher("/api/**").matches(request) || path.matcher("/epcis/**").matches(request))))
                .logout(withDefaults());
        SecurityHeaders.apply(http, mapTiles);
        if (loginPage.isBlank()) {
            http.formLogin(withDefaults());
        } else {
            http.formLogin(form -> {
                form.loginPage(loginPage).permitAll();
                if (!landingPage.isBlank()) {
                    form.successHandler(landingAfterLogin(landingPage));
                }
            });
        }
        return http.build();
    }

    /**
     * After a form login: the page the person was sent away from, or else the landing page
     * ({@code rfid.security.landing-page}), which sends each person on to their own desk. The console's root counts
     * as no page of their own: opening the address of the app and logging in is arriving, not asking for the dashboard.
     */
    private static AuthenticationSuccessHandler landingAfterLogin(String landingPage) {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        SavedRequestAwareAuthenticationSuccessHandler saved = new SavedRequestAwareAuthenticationSuccessHandler();
        saved.setDefaultTargetUrl(landingPage);
        saved.setRequestCache(cache);
        return (request, response, authentication) -> {
            SavedRequest asked = cache.getRequest(request, response);
            if (asked != null && (request.getContextPath() + "/").equals(java.net.URI.create(asked.getRedirectUrl()).getPath())) {
                cache.removeRequest(request, response);
            }
            saved.onAuthenticationSuccess(request, response, authentication);
        };
    }

    private static AuthorizationManager<RequestAuthorizationContext> adminOrSelf() {
        return (authentication, context) -> {
            Authentication a = authentication.get();
            boolean allowed = a != null && a.isAuthenticated()
                    && (a.getAuthorities().stream().anyMatch(g -> "ROLE_ADMIN".equals(g.getAuthority()))
                            || (!"anonymousUser".equals(a.getName()) && a.getName().equals(context.getVariables().get("username"))));
            return new AuthorizationDecision(allowed);
        };
    }
}
