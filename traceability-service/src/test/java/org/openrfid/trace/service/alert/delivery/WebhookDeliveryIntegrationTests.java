package org.openrfid.trace.service.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.service.alert.AlertEvent;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.delivery.jdbc.WebhookStoreConfiguration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Webhook delivery end to end over real sockets: alert events pushed as the alert service pushes them, a real HTTP
 * receiver, the webhook store on H2. Retry waits are shortened to tens of milliseconds.
 */
class WebhookDeliveryIntegrationTests {

    static final String SECRET = "receiver-shared-secret";

    final ObjectMapper json = TestJson.mapper();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final TestAlertEvents events = new TestAlertEvents();
    Receiver receiver;
    Webhooks webhooks;
    WebhookDelivery delivery;

    @BeforeEach
    void setUp() throws Exception {
        receiver = new Receiver();
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:webhook-delivery-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/h2").load().migrate();
        webhooks = WebhookStoreConfiguration.createWebhooks(ds, new TransactionTemplate(new DataSourceTransactionManager((DataSource) ds)));
    }

    @AfterEach
    void tearDown() {
        if (delivery != null) {
            delivery.close();
        }
        receiver.close();
    }

    void start(int disableAfter, int maxAttempts, long retryMillis) {
        AlertDeliveryProperties.Webhooks settings = new AlertDeliveryProperties.Webhooks(disableAfter, maxAttempts,
                Duration.ofMillis(retryMillis), Duration.ofMillis(retryMillis * 4), Duration.ofSeconds(5), Duration.ofSeconds(10), 1000, 2,
                Duration.ofSeconds(5));
        delivery = new WebhookDelivery(webhooks, json, settings, Clock.systemUTC(), meters).start();
        events.subscribe(delivery);
    }

    double count(String outcome) {
        var c = meters.find("rfid.alerts.delivery").tag("channel", "webhook").tag("outcome", outcome).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void postsTheAlertEventJsonSignedWithTheSecret() throws Exception {
        Webhook hook = webhooks.create(receiver.url("/soc"), SECRET, Set.of(), true);
        start(20, 8, 50);

        AlertEvent event = events.raise(AlertType.WATCHLIST);

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.got("/soc").size() == 1);
        Receiver.Got got = receiver.got("/soc").get(0);
        assertThat(WebhookSignature.verify(SECRET, got.body(), got.header("X-Rfid-Signature"))).as("signature verifies").isTrue();
        assertThat(got.header("X-Rfid-Signature")).startsWith("sha256=").hasSize(7 + 64);
        assertThat(got.header("X-Rfid-Event")).isEqualTo("RAISED");
        assertThat(got.header("X-Rfid-Event-Id")).isEqualTo(Long.toString(event.seq()));
        assertThat(got.header("Content-Type")).isEqualTo("application/json");
        JsonNode body = json.readTree(got.body());
        assertThat(body).isEqualTo(json.readTree(json.writeValueAsBytes(event)));
        assertThat(body.get("seq").asLong()).isEqualTo(event.seq());
        assertThat(body.get("kind").asText()).isEqualTo("RAISED");
        assertThat(body.at("/alert/type").asText()).isEqualTo("WATCHLIST");
        assertThat(body.at("/alert/raisedAt").asText()).as("ISO-8601, as the API writes it").isEqualTo("2026-03-01T08:15:30.250Z");
        assertThat(body.at("/alert/plate").asText()).isEqualTo("京A12345");

        await().atMost(Duration.ofSeconds(5)).until(() -> webhooks.find(hook.id()).orElseThrow().lastDeliveredAt() != null);
        assertThat(webhooks.find(hook.id()).orElseThrow().state()).isEqualTo(WebhookState.OK);
        assertThat(count("delivered")).isEqualTo(1);
    }

    @Test
    void sendsOnlyTheTypesAWebhookAskedFor() {
        webhooks.create(receiver.url("/readers"), SECRET, Set.of(AlertType.READER_DOWN), true);
        webhooks.create(receiver.url("/all"), SECRET, Set.of(), true);
        start(20, 8, 50);

        events.raise(AlertType.WATCHLIST);
        AlertEvent down = events.raise(AlertType.READER_DOWN);

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.got("/all").size() == 2 && receiver.got("/readers").size() == 1);
        assertThat(receiver.got("/readers").get(0).header("X-Rfid-Event-Id")).isEqualTo(Long.toString(down.seq()));
    }

    @Test
    void retriesAfterServerErrorsWithGrowingWaitsThenSucceeds() {
        receiver.answer("/flaky", 500, 503);
        Webhook hook = webhooks.create(receiver.url("/flaky"), SECRET, Set.of(), true);
        start(20, 8, 100);

        AlertEvent event = events.raise(AlertType.CLONE_TID_MISMATCH);

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.got("/flaky").size() == 3
                && webhooks.find(hook.id()).orElseThrow().lastDeliveredAt() != null);
        List<Receiver.Got> attempts = receiver.got("/flaky");
        assertThat(attempts).extracting(g -> g.header("X-Rfid-Event-Id")).containsOnly(Long.toString(event.seq()));
        assertThat(attempts.get(0).body()).isEqualTo(attempts.get(2).body());
        long firstWait = Duration.ofNanos(attempts.get(1).nanos() - attempts.get(0).nanos()).toMillis();
        long secondWait = Duration.ofNanos(attempts.get(2).nanos() - attempts.get(1).nanos()).toMillis();
        assertThat(firstWait).as("first back-off").isGreaterThanOrEqualTo(90);
        assertThat(secondWait).as("second back-off doubles").isGreaterThanOrEqualTo(190);
        Webhook after = webhooks.find(hook.id()).orElseThrow();
        assertThat(after.state()).isEqualTo(WebhookState.OK);
        assertThat(after.consecutiveFailures()).isZero();
        assertThat(after.lastError()).isEqualTo("HTTP 503");
        assertThat(count("retried")).isEqualTo(2);
        assertThat(count("delivered")).isEqualTo(1);
    }

    @Test
    void givesAnEventUpAfterMaxAttemptsAndDeliversTheNext() {
        receiver.answer("/hook", 500, 500);
        webhooks.create(receiver.url("/hook"), SECRET, Set.of(), true);
        start(20, 2, 30);

        AlertEvent first = events.raise(AlertType.SECTION_SPEED);
        AlertEvent second = events.raise(AlertType.SECTION_SPEED);

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.got("/hook").size() == 3);
        assertThat(receiver.got("/hook")).extracting(g -> g.header("X-Rfid-Event-Id"))
                .containsExactly(Long.toString(first.seq()), Long.toString(first.seq()), Long.toString(second.seq()));
        await().atMost(Duration.ofSeconds(5)).until(() -> count("delivered") == 1);
        assertThat(count("failed")).isEqualTo(1);
    }

    @Test
    void disablesAfterTheConfiguredFailuresUntilReEnabled() throws Exception {
        receiver.always("/dead", 500);
        Webhook hook = webhooks.create(receiver.url("/dead"), SECRET, Set.of(), true);
        start(3, 10, 20);

        events.raise(AlertType.WATCHLIST);
        events.raise(AlertType.WATCHLIST);

        await().atMost(Duration.ofSeconds(10)).until(() -> webhooks.find(hook.id()).orElseThrow().state() == WebhookState.DISABLED);
        Webhook disabled = webhooks.find(hook.id()).orElseThrow();
        assertThat(disabled.consecutiveFailures()).isEqualTo(3);
        assertThat(disabled.lastError()).isEqualTo("HTTP 500");
        Thread.sleep(300);
        assertThat(receiver.got("/dead")).as("no attempts once disabled").hasSize(3);
        await().atMost(Duration.ofSeconds(5)).until(() -> delivery.queued(hook.id()) == 0);

        events.raise(AlertType.WATCHLIST);
        Thread.sleep(300);
        assertThat(receiver.got("/dead")).as("a disabled webhook gets nothing").hasSize(3);

        receiver.always("/dead", 204);
        webhooks.update(hook.id(), hook.url(), null, Set.of(), true, true);
        delivery.webhooksChanged();
        AlertEvent later = events.raise(AlertType.WATCHLIST);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.got("/dead").size() == 4);
        assertThat(receiver.got("/dead").get(3).header("X-Rfid-Event-Id")).isEqualTo(Long.toString(later.seq()));
        await().atMost(Duration.ofSeconds(5)).until(() -> webhooks.find(hook.id()).orElseThrow().state() == WebhookState.OK);
    }

    @Test
    void aSlowReceiverHoldsNeitherTheCallerNorTheOtherWebhooks() {
        receiver.slow("/slow", 8_000); // under the 10 s request timeout, well over what 200 fast deliveries take
        Webhook slow = webhooks.create(receiver.url("/slow"), SECRET, Set.of(), true);
        webhooks.create(receiver.url("/fast"), SECRET, Set.of(), true);
        start(20, 8, 50);

        long started = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            events.raise(AlertType.PLATE_MISMATCH);
        }
        long callerMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();

        assertThat(callerMillis).as("200 onAlert calls").isLessThan(500);
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.got("/fast").size() == 200);
        assertThat(receiver.got("/fast")).extracting(g -> Long.parseLong(g.header("X-Rfid-Event-Id"))).isSorted();
        assertThat(receiver.got("/slow")).as("the slow one is still on its first").hasSize(1);
        assertThat(delivery.queued(slow.id())).isEqualTo(200);
    }

    @Test
    void anUnreachableReceiverIsRecordedAsAnIoError() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Webhook hook = webhooks.create("http://127.0.0.1:" + closedPort + "/gone", SECRET, Set.of(), true);
        start(20, 8, 5_000);

        events.raise(AlertType.READER_DOWN);

        await().atMost(Duration.ofSeconds(10)).until(() -> webhooks.find(hook.id()).orElseThrow().state() == WebhookState.FAILING);
        assertThat(webhooks.find(hook.id()).orElseThrow().lastError()).contains("ConnectException");
    }

    @Test
    void aTestDeliveryAnswersWithTheReceiversStatusAndLeavesTheStateAlone() {
        receiver.answer("/t", 200, 418);
        Webhook hook = webhooks.create(receiver.url("/t"), SECRET, Set.of(AlertType.CUSTOMS_HOLD_EXIT), true);
        start(20, 8, 50);

        WebhookDelivery.TestResult ok = delivery.test(hook);
        WebhookDelivery.TestResult teapot = delivery.test(hook);

        assertThat(ok.delivered()).isTrue();
        assertThat(ok.status()).isEqualTo(200);
        assertThat(teapot.delivered()).isFalse();
        assertThat(teapot.status()).isEqualTo(418);
        assertThat(teapot.error()).isEqualTo("HTTP 418");
        Receiver.Got got = receiver.got("/t").get(0);
        assertThat(got.header("X-Rfid-Test")).isEqualTo("true");
        assertThat(got.header("X-Rfid-Event-Id")).isEqualTo("0");
        assertThat(WebhookSignature.verify(SECRET, got.body(), got.header("X-Rfid-Signature"))).isTrue();
        assertThat(new String(got.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"CUSTOMS_HOLD_EXIT\"");
        assertThat(webhooks.find(hook.id()).orElseThrow().state()).isEqualTo(WebhookState.OK);
        assertThat(webhooks.find(hook.id()).orElseThrow().lastAttemptAt()).isNull();
    }
}
