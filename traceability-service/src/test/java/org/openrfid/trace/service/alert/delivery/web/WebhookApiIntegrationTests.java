package org.openrfid.trace.service.alert.delivery.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.delivery.AlertDeliveryConfiguration;
import org.openrfid.trace.service.alert.delivery.WebhookState;
import org.openrfid.trace.service.alert.delivery.TestAlertEvents;
import org.openrfid.trace.service.alert.delivery.WebhookSignature;
import org.openrfid.trace.service.alert.delivery.Webhooks;
import org.openrfid.trace.service.alert.delivery.jdbc.WebhookStoreConfiguration;
import org.openrfid.trace.service.audit.AuditFilter;
import org.openrfid.trace.service.audit.AuditRecord;
import org.openrfid.trace.service.audit.AuditTrail;
import org.openrfid.trace.service.testsupport.AccessSlice;
import org.openrfid.trace.service.testsupport.H2StoreSlice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The webhooks API in a web slice on H2 with the application's ObjectMapper, audit trail and delivery configuration
 * (security filters off; {@link WebhookApiSecurityIntegrationTests} checks the ADMIN rule).
 */
@WebMvcTest
@AutoConfigureMockMvc(addFilters = false)
@WithMockUser(username = "admin", roles = "ADMIN")
@TestPropertySource(properties = {"rfid.alerts.webhooks.disable-after=2", "rfid.alerts.webhooks.retry-initial=20ms"})
class WebhookApiIntegrationTests {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final String SECRET = "do-not-show-me-1234";

    @Configuration
    @ComponentScan(basePackages = "org.openrfid.trace.service.platform.web")
    @Import({H2StoreSlice.class, AccessSlice.class, WebhookStoreConfiguration.class, AlertDeliveryConfiguration.class,
            WebhookController.class})
    static class Slice {

        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        TestAlertEvents alertEvents() {
            return new TestAlertEvents();
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Webhooks webhooks;
    @Autowired
    AuditTrail audit;
    @Autowired
    TestAlertEvents alertEvents;
    @Autowired
    ObjectMapper json;

    /** The slice's database lives as long as the cached context: each test starts with no webhooks. */
    @BeforeEach
    void noWebhooks() {
        webhooks.all().forEach(w -> webhooks.delete(w.id()));
    }

    long create(String body) throws Exception {
        String answer = mvc.perform(post("/api/v1/webhooks").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(answer, "$.id")).longValue();
    }

    @Test
    void anAdminCreatesListsReplacesAndDeletesAWebhookWhoseSecretNeverComesBack() throws Exception {
        String created = mvc.perform(post("/api/v1/webhooks").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"https://soc.example.org/rfid?token=abc\",\"secret\":\"" + SECRET + "\",\"types\":[\"watchlist\",\"READER_DOWN\"]}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/v1/webhooks/")))
                .andExpect(jsonPath("$.url").value("https://soc.example.org/rfid?token=abc"))
                .andExpect(jsonPath("$.secretSet").value(true))
                .andExpect(jsonPath("$.secret").doesNotExist())
                .andExpect(jsonPath("$.types.length()").value(2))
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.state").value("OK"))
                .andExpect(jsonPath("$.consecutiveFailures").value(0))
                .andReturn().getResponse().getContentAsString();
        assertThat(created).doesNotContain(SECRET);
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();

        String list = mvc.perform(get("/api/v1/webhooks")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(id))
                .andExpect(jsonPath("$[0].types[0]").value("WATCHLIST"))
                .andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain(SECRET);

        mvc.perform(put("/api/v1/webhooks/" + id).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"https://soc.example.org/v2\",\"enabled\":false}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.url").value("https://soc.example.org/v2"))
                .andExpect(jsonPath("$.types.length()").value(0))
                .andExpect(jsonPath("$.state").value("DISABLED"))
                .andExpect(jsonPath("$.secretSet").value(true));
        assertThat(webhooks.find(id).orElseThrow().secret()).as("PUT without secret keeps it").isEqualTo(SECRET);

        mvc.perform(get("/api/v1/webhooks/" + id)).andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(delete("/api/v1/webhooks/" + id)).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/webhooks/" + id)).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        List<AuditRecord> trail = audit.page(new AuditFilter(null, null, null, null, null), null, 20);
        assertThat(trail).extracting(AuditRecord::action).contains("WEBHOOK_CREATED", "WEBHOOK_DISABLED", "WEBHOOK_DELETED");
        assertThat(trail).extracting(AuditRecord::subject).allSatisfy(s -> assertThat(s).doesNotContain("token=abc"));
        assertThat(trail).filteredOn(r -> r.action().startsWith("WEBHOOK_")).extracting(AuditRecord::username).containsOnly("admin");
    }

    @Test
    void refusalsNameTheField() throws Exception {
        for (String url : new String[] {"ftp://files.example.org/x", "file:///etc/passwd", "javascript:alert(1)", "not a url", ""}) {
            mvc.perform(post("/api/v1/webhooks").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"url\":\"" + url + "\",\"secret\":\"" + SECRET + "\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value(startsWith("url: ")));
        }
        mvc.perform(post("/api/v1/webhooks").contentType(MediaType.APPLICATION_JSON).content("{\"url\":\"https://x.example.org/\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(startsWith("secret: ")));
        mvc.perform(post("/api/v1/webhooks").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"https://x.example.org/\",\"secret\":\"short\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(startsWith("secret: ")));
        mvc.perform(post("/api/v1/webhooks").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"https://x.example.org/\",\"secret\":\"" + SECRET + "\",\"types\":[\"WATCHLIST\",\"SPEEDING\"]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(startsWith("types[1]: 'SPEEDING'")));
        assertThat(webhooks.all()).as("nothing stored by a refused request").isEmpty();

        long id = create("{\"url\":\"https://x.example.org/\",\"secret\":\"" + SECRET + "\"}");
        mvc.perform(put("/api/v1/webhooks/" + id).contentType(MediaType.APPLICATION_JSON).content("{\"url\":\"gopher://x.example.org/\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(startsWith("url: ")));
        mvc.perform(put("/api/v1/webhooks/" + (id + 50)).contentType(MediaType.APPLICATION_JSON).content("{\"url\":\"https://x.example.org/\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/webhooks/abc")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(startsWith("id: ")));
    }

    @Test
    void aDisabledWebhookIsShownSoAndReEnabledByPutWhichResetsTheCount() throws Exception {
        long id = create("{\"url\":\"https://x.example.org/\",\"secret\":\"" + SECRET + "\"}");
        for (int i = 0; i < 20; i++) {
            webhooks.failed(id, NOW, "HTTP 502", 20);
        }
        mvc.perform(get("/api/v1/webhooks/" + id))
                .andExpect(jsonPath("$.state").value("DISABLED"))
                .andExpect(jsonPath("$.enabled").value(false))
                .andExpect(jsonPath("$.consecutiveFailures").value(20))
                .andExpect(jsonPath("$.lastError").value("HTTP 502"))
                .andExpect(jsonPath("$.lastAttemptAt").value("2026-03-01T12:00:00Z"));

        mvc.perform(put("/api/v1/webhooks/" + id).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"https://x.example.org/\",\"enabled\":true}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("OK"))
                .andExpect(jsonPath("$.consecutiveFailures").value(0));
        assertThat(audit.page(AuditFilter.ALL, null, 5)).extracting(AuditRecord::action).contains("WEBHOOK_ENABLED");
    }

    @Test
    void theTestEndpointDeliversASignedEventAndAnswersWithTheResult() throws Exception {
        List<byte[]> bodies = new CopyOnWriteArrayList<>();
        List<String> signatures = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                bodies.add(in.readAllBytes());
            }
            signatures.add(exchange.getRequestHeaders().getFirst("X-Rfid-Signature"));
            exchange.sendResponseHeaders(bodies.size() == 1 ? 204 : 500, -1);
            exchange.close();
        });
        server.start();
        try {
            long id = create("{\"url\":\"http://127.0.0.1:" + server.getAddress().getPort() + "/hook\",\"secret\":\"" + SECRET
                    + "\",\"types\":[\"PLATE_MISMATCH\"]}");
            mvc.perform(post("/api/v1/webhooks/" + id + "/test"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.delivered").value(true))
                    .andExpect(jsonPath("$.status").value(204));
            mvc.perform(post("/api/v1/webhooks/" + id + "/test"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.delivered").value(false))
                    .andExpect(jsonPath("$.status").value(500))
                    .andExpect(jsonPath("$.error").value("HTTP 500"));
            assertThat(WebhookSignature.verify(SECRET, bodies.get(0), signatures.get(0))).isTrue();
            JsonNode event = json.readTree(bodies.get(0));
            assertThat(event.at("/alert/type").asText()).isEqualTo("PLATE_MISMATCH");
            assertThat(event.at("/alert/raisedAt").asText()).as("the application's mapper writes ISO-8601").isEqualTo("2026-03-01T12:00:00Z");
            mvc.perform(get("/api/v1/webhooks/" + id)).andExpect(jsonPath("$.state").value("OK"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void alertEventsReachAWebhookThroughTheConfigurationAndFailuresDisableItAsSystemInTheAuditTrail() throws Exception {
        List<String> eventIds = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/down", exchange -> {
            exchange.getRequestBody().readAllBytes();
            eventIds.add(exchange.getRequestHeaders().getFirst("X-Rfid-Event-Id"));
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
        try {
            long id = create("{\"url\":\"http://127.0.0.1:" + server.getAddress().getPort() + "/down\",\"secret\":\"" + SECRET + "\"}");
            long seq = alertEvents.raise(AlertType.ANTENNA_SILENT).seq();

            await().atMost(Duration.ofSeconds(10)).until(() -> webhooks.find(id).orElseThrow().state() == WebhookState.DISABLED);
            assertThat(eventIds).containsExactly(Long.toString(seq), Long.toString(seq));
            mvc.perform(get("/api/v1/webhooks/" + id))
                    .andExpect(jsonPath("$.state").value("DISABLED"))
                    .andExpect(jsonPath("$.consecutiveFailures").value(2))
                    .andExpect(jsonPath("$.lastError").value("HTTP 503"));
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(audit.page(AuditFilter.ALL, null, 5))
                    .anySatisfy(r -> {
                        assertThat(r.action()).isEqualTo("WEBHOOK_DISABLED");
                        assertThat(r.username()).isEqualTo("system");
                        assertThat(r.subject()).isEqualTo("webhook " + id + " http://127.0.0.1:" + server.getAddress().getPort() + "/down");
                    }));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void deliverySubscribesToTheLocalAlertEvents() {
        assertThat(alertEvents.subscribers()).as("webhooks subscribed; MQTT is off without MQTT ingest").isEqualTo(1);
    }
}
