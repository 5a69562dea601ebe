package org.openrfid.trace.service.platform.security;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The response headers every page and API answer carries. The Content-Security-Policy admits only the
 * application's own scripts, styles, images and connections (WebJars are served from here too), so an
 * injected inline script or a script from elsewhere does not run; pages keep their scripts in files.
 * The one exception is the map's tile server ({@code rfid.ui.map.tiles}) when one is configured: its
 * origin is added to {@code img-src}, and nothing else. Strict-Transport-Security is Spring Security's
 * default on HTTPS answers.
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = contentSecurityPolicy(null);
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

    /** scheme://host[:port] at the start of a tile URL template; the host may hold Leaflet placeholders such as {s}. */
    private static final Pattern ABSOLUTE = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://([^/?#]*)");
    private static final Pattern HOST_PORT = Pattern.compile("([^:]+)(:[0-9]{1,5})?");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9-]+");

    private SecurityHeaders() {
    }

    static void apply(HttpSecurity http) throws Exception {
        apply(http, null);
    }

    /** @param mapTiles the map's tile URL template ({@code rfid.ui.map.tiles}); blank or relative adds no origin */
    static void apply(HttpSecurity http, String mapTiles) throws Exception {
        String policy = contentSecurityPolicy(mapTiles);
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(policy))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .addHeaderWriter(new org.springframework.security.web.header.writers.StaticHeadersWriter("Permissions-Policy",
                        PERMISSIONS_POLICY))
                .frameOptions(frame -> frame.deny()));
    }

    /** The policy, with the tile server's origin in {@code img-src} when {@code mapTiles} names another origin. */
    static String contentSecurityPolicy(String mapTiles) {
        String tiles = tileOrigin(mapTiles);
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:" + (tiles == null ? "" : " " + tiles) + ";"
                + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    /**
     * The CSP source for the tile server of a Leaflet URL template: {@code https://{s}.tile.example.org/{z}/{x}/{y}.png}
     * gives {@code https://*.tile.example.org}. Null for none (blank) or the application itself (a relative template).
     * A template CSP cannot express narrowly (a placeholder in any host label but the first, a scheme other than http
     * or https, user info) is refused with an {@link IllegalArgumentException} naming the property, rather than
     * opening {@code img-src} wider than the tile server.
     */
    static String tileOrigin(String template) {
        if (template == null || template.isBlank() || template.startsWith("/") && !template.startsWith("//")) {
            return null;
        }
        String t = template.strip();
        if (t.startsWith("//")) {
            throw refused(t, "give the scheme (https://…)");
        }
        Matcher m = ABSOLUTE.matcher(t);
        if (!m.find()) {
            // a path relative to the page: same origin
            return null;
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw refused(t, "the scheme must be http or https");
        }
        Matcher hp = HOST_PORT.matcher(m.group(2));
        if (m.group(2).contains("@") || !hp.matches()) {
            throw refused(t, "host[:port] expected after the scheme");
        }
        String[] labels = hp.group(1).split("\\.", -1);
        StringBuilder host = new StringBuilder();
        for (int i = 0; i < labels.length; i++) {
            String label = labels[i];
            if (label.contains("{")) {
                if (i != 0 || labels.length < 3) {
                    throw refused(t, "a placeholder such as {s} may stand only in the first label of a host with at least three labels");
                }
                label = "*";
            } else if (!LABEL.matcher(label).matches()) {
                throw refused(t, "'" + label + "' is not a host name label");
            }
            host.append(i == 0 ? "" : ".").append(label.toLowerCase(Locale.ROOT));
        }
        return scheme + "://" + host + (hp.group(2) == null ? "" : hp.group(2));
    }

    private static IllegalArgumentException refused(String template, String why) {
        return new IllegalArgumentException("rfid.ui.map.tiles: '" + template + "' cannot be admitted to the Content-Security-Policy: " + why);
    }
}
