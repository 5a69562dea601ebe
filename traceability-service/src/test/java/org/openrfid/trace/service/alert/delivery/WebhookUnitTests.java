package org.openrfid.trace.service.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.service.alert.AlertType;

class WebhookUnitTests {

    @Test
    void acceptsOnlyHttpAndHttpsUrlsWithAHost() {
        assertThat(Webhook.checkUrl("https://soc.example.org/hooks/rfid?k=1")).isEqualTo("https://soc.example.org/hooks/rfid?k=1");
        assertThat(Webhook.checkUrl("http://127.0.0.1:9000/x")).isEqualTo("http://127.0.0.1:9000/x");
        for (String bad : new String[] {"ftp://example.org/x", "file:///etc/passwd", "javascript:alert(1)", "example.org/hook",
                "http:///nohost", "https://user:pw@example.org/", "http://exa mple.org/", "", " "}) {
            assertThatThrownBy(() -> Webhook.checkUrl(bad)).as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("url: ");
        }
        assertThatThrownBy(() -> Webhook.checkUrl(null)).hasMessage("url: required");
    }

    @Test
    void refusesShortSecrets() {
        assertThatThrownBy(() -> Webhook.checkSecret("short")).hasMessageStartingWith("secret: ");
        assertThatThrownBy(() -> Webhook.checkSecret(null)).hasMessageStartingWith("secret: ");
        assertThat(Webhook.checkSecret("sixteen-chars-ok")).isEqualTo("sixteen-chars-ok");
    }

    @Test
    void stateFollowsEnabledAndFailures() {
        assertThat(hook(true, 0).state()).isEqualTo(WebhookState.OK);
        assertThat(hook(true, 3).state()).isEqualTo(WebhookState.FAILING);
        assertThat(hook(false, 0).state()).isEqualTo(WebhookState.DISABLED);
        assertThat(hook(false, 20).state()).isEqualTo(WebhookState.DISABLED);
    }

    @Test
    void noTypesMeansEveryType() {
        assertThat(hook(true, 0).wants(AlertType.READER_DOWN)).isTrue();
        Webhook some = new Webhook(1, "https://x.org/", "0123456789abcdef", Set.of(AlertType.WATCHLIST), true, 0, null, null, null);
        assertThat(some.wants(AlertType.WATCHLIST)).isTrue();
        assertThat(some.wants(AlertType.READER_DOWN)).isFalse();
    }

    @Test
    void neverPrintsTheSecret() {
        assertThat(hook(true, 0).toString()).doesNotContain("0123456789abcdef");
    }

    @Test
    void backsOffExponentiallyUpToTheCap() {
        AlertDeliveryProperties.Webhooks w = new AlertDeliveryProperties.Webhooks(20, 8, Duration.ofSeconds(1), Duration.ofMinutes(5),
                Duration.ofSeconds(5), Duration.ofSeconds(10), 1000, 2, Duration.ofSeconds(5));
        assertThat(w.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(w.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(w.backoff(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(w.backoff(8)).isEqualTo(Duration.ofSeconds(128));
        assertThat(w.backoff(9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(w.backoff(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(w.backoff(1000)).isEqualTo(Duration.ofMinutes(5));
    }

    private static Webhook hook(boolean enabled, int failures) {
        return new Webhook(1, "https://x.org/", "0123456789abcdef", Set.of(), enabled, failures, null, null, null);
    }
}
