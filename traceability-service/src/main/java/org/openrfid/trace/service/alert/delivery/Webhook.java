package org.openrfid.trace.service.alert.delivery;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.openrfid.trace.service.alert.AlertType;

/**
 * A subscriber's HTTP endpoint for alert events, with how its deliveries have gone.
 *
 * <p>The secret is kept as given, not hashed: every delivery is signed with it (HMAC-SHA256), so the
 * server needs the secret itself. Whoever reads the table can forge deliveries; the API never returns it.
 *
 * @param types               the alert types it wants; empty means all
 * @param enabled             false when an administrator turned it off or it failed {@code disable-after} times in a row
 * @param consecutiveFailures failed attempts since the last success (or re-enabling)
 * @param lastError           what the last failed attempt got (HTTP status or I/O error), or null
 */
public record Webhook(long id, String url, String secret, Set<AlertType> types, boolean enabled, int consecutiveFailures,
                      String lastError, Instant lastDeliveredAt, Instant lastAttemptAt) {

    public static final int URL_MAX = 2000;
    public static final int SECRET_MIN = 16;
    public static final int SECRET_MAX = 200;

    public Webhook {
        types = types == null || types.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(types));
    }

    public WebhookState state() {
        if (!enabled) {
            return WebhookState.DISABLED;
        }
        return consecutiveFailures > 0 ? WebhookState.FAILING : WebhookState.OK;
    }

    public boolean wants(AlertType type) {
        return types.isEmpty() || types.contains(type);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "Webhook[" + id + " " + url + " types=" + types + " " + state() + "]";
    }

    /** The URL when it is an absolute http or https URL with a host; IllegalArgumentException naming {@code url} otherwise. */
    public static String checkUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("url: required");
        }
        if (url.length() > URL_MAX) {
            throw new IllegalArgumentException("url: longer than " + URL_MAX + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url: '" + url + "' is not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("url: only http and https URLs are delivered to, not '" + url + "'");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("url: '" + url + "' has no host");
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException("url: credentials in the URL are not accepted; the secret signs each delivery");
        }
        return uri.toString();
    }

    /** The secret when long enough to be one; IllegalArgumentException naming {@code secret} otherwise. */
    public static String checkSecret(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("secret: required (deliveries are signed with it)");
        }
        if (secret.length() < SECRET_MIN || secret.length() > SECRET_MAX) {
            throw new IllegalArgumentException("secret: between " + SECRET_MIN + " and " + SECRET_MAX + " characters");
        }
        return secret;
    }

    /** The URL without query or fragment, for logs and the audit trail (a query may carry a token). */
    public static String redacted(String url) {
        try {
            URI u = new URI(url);
            return new URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), null, null).toString();
        } catch (URISyntaxException | RuntimeException e) {
            return "(unparsable URL)";
        }
    }
}
