package org.openrfid.trace.service.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The response headers every page and API answer carries. The Content-Security-Policy admits only the
 * application's own scripts, styles, images and connections (WebJars are served from here too), so an
 * injected inline script or a script from elsewhere does not run; pages keep their scripts in files.
 * Strict-Transport-Security is Spring Security's default on HTTPS answers.
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

    private SecurityHeaders() {
    }

    static void apply(HttpSecurity http) throws Exception {
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .addHeaderWriter(new org.springframework.security.web.header.writers.StaticHeadersWriter("Permissions-Policy",
                        PERMISSIONS_POLICY))
                .frameOptions(frame -> frame.deny()));
    }
}
