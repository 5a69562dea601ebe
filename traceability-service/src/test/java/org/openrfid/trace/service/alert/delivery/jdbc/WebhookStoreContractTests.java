package org.openrfid.trace.service.alert.delivery.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.delivery.Webhook;
import org.openrfid.trace.service.alert.delivery.WebhookState;
import org.openrfid.trace.service.alert.delivery.Webhooks;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What the webhook store must do on every database. Subclasses supply a fresh, empty database per test. */
abstract class WebhookStoreContractTests {

    static final Instant T0 = Instant.parse("2026-02-01T08:00:00.123Z");
    static final String SECRET = "a-long-enough-secret";

    protected Webhooks webhooks;

    protected abstract DataSource freshDatabase();

    protected abstract Flyway flyway(DataSource dataSource);

    @BeforeEach
    void migrateFreshDatabase() {
        DataSource dataSource = freshDatabase();
        flyway(dataSource).migrate();
        webhooks = WebhookStoreConfiguration.createWebhooks(dataSource, new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    @Test
    void aWebhookIsCreatedFoundListedAndDeleted() {
        Webhook a = webhooks.create("https://soc.example.org/a", SECRET, EnumSet.of(AlertType.WATCHLIST, AlertType.CLONE_TID_MISMATCH), true);
        Webhook b = webhooks.create("http://10.0.0.9:8080/b", SECRET + "2", Set.of(), false);
        assertThat(a.id()).isPositive();
        assertThat(b.id()).isGreaterThan(a.id());
        assertThat(a.url()).isEqualTo("https://soc.example.org/a");
        assertThat(a.secret()).isEqualTo(SECRET);
        assertThat(a.types()).containsExactlyInAnyOrder(AlertType.WATCHLIST, AlertType.CLONE_TID_MISMATCH);
        assertThat(a.state()).isEqualTo(WebhookState.OK);
        assertThat(a.lastAttemptAt()).isNull();
        assertThat(b.types()).isEmpty();
        assertThat(b.state()).isEqualTo(WebhookState.DISABLED);
        assertThat(webhooks.all()).extracting(Webhook::id).containsExactly(a.id(), b.id());
        assertThat(webhooks.find(b.id())).hasValue(b);
        assertThat(webhooks.delete(a.id())).isTrue();
        assertThat(webhooks.delete(a.id())).isFalse();
        assertThat(webhooks.find(a.id())).isEmpty();
        assertThat(webhooks.all()).extracting(Webhook::id).containsExactly(b.id());
    }

    @Test
    void anUpdateKeepsTheSecretWhenNoneIsGiven() {
        Webhook a = webhooks.create("https://soc.example.org/a", SECRET, Set.of(), true);
        Webhook changed = webhooks.update(a.id(), "https://soc.example.org/v2", null, Set.of(AlertType.READER_DOWN), true, false).orElseThrow();
        assertThat(changed.url()).isEqualTo("https://soc.example.org/v2");
        assertThat(changed.secret()).isEqualTo(SECRET);
        assertThat(changed.types()).containsExactly(AlertType.READER_DOWN);
        assertThat(webhooks.update(a.id(), changed.url(), "a-brand-new-secret!", Set.of(), true, false).orElseThrow().secret())
                .isEqualTo("a-brand-new-secret!");
        assertThat(webhooks.update(a.id() + 99, "https://x.org/", null, Set.of(), true, false)).isEmpty();
    }

    @Test
    void failuresCountUpAndDisableAtTheLimitUntilResetByAnAdministrator() {
        Webhook a = webhooks.create("https://soc.example.org/a", SECRET, Set.of(), true);
        Webhook once = webhooks.failed(a.id(), T0, "HTTP 503", 3).orElseThrow();
        assertThat(once.consecutiveFailures()).isEqualTo(1);
        assertThat(once.state()).isEqualTo(WebhookState.FAILING);
        assertThat(once.lastError()).isEqualTo("HTTP 503");
        assertThat(once.lastAttemptAt()).isEqualTo(T0);
        assertThat(webhooks.failed(a.id(), T0.plusSeconds(1), "ConnectException", 3).orElseThrow().enabled()).isTrue();
        Webhook third = webhooks.failed(a.id(), T0.plusSeconds(3), "HTTP 500", 3).orElseThrow();
        assertThat(third.consecutiveFailures()).isEqualTo(3);
        assertThat(third.state()).isEqualTo(WebhookState.DISABLED);
        assertThat(third.lastError()).isEqualTo("HTTP 500");

        Webhook reenabled = webhooks.update(a.id(), a.url(), null, Set.of(), true, true).orElseThrow();
        assertThat(reenabled.state()).isEqualTo(WebhookState.OK);
        assertThat(reenabled.consecutiveFailures()).isZero();
        assertThat(webhooks.failed(a.id() + 99, T0, "x", 3)).isEmpty();
    }

    @Test
    void aDeliveryResetsTheFailuresAndIsTimed() {
        Webhook a = webhooks.create("https://soc.example.org/a", SECRET, Set.of(), true);
        webhooks.failed(a.id(), T0, "HTTP 502", 20);
        webhooks.delivered(a.id(), T0.plusSeconds(2));
        Webhook after = webhooks.find(a.id()).orElseThrow();
        assertThat(after.state()).isEqualTo(WebhookState.OK);
        assertThat(after.lastDeliveredAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(after.lastAttemptAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(after.lastError()).as("kept for the record").isEqualTo("HTTP 502");
    }

    @Test
    void aLongErrorIsCutNotRefused() {
        Webhook a = webhooks.create("https://soc.example.org/a", SECRET, Set.of(), true);
        assertThat(webhooks.failed(a.id(), T0, "x".repeat(5000), 20).orElseThrow().lastError()).hasSize(500);
    }
}
