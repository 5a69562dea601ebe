package org.openrfid.trace.service.alert.delivery.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.service.alert.delivery.AlertDeliveryConfiguration;
import org.openrfid.trace.service.alert.delivery.jdbc.WebhookStoreConfiguration;
import org.openrfid.trace.service.testsupport.AccessSlice;
import org.openrfid.trace.service.testsupport.H2StoreSlice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The webhooks API with the application's security rules on: for ADMIN only (webhooks carry alert data out and hold secrets). */
@WebMvcTest
@TestPropertySource(properties = "RFID_ADMIN_PASSWORD=webhook-security-pw")
class WebhookApiSecurityIntegrationTests {

    @Configuration
    @ComponentScan(basePackages = {"org.openrfid.trace.service.platform.web", "org.openrfid.trace.service.platform.security"},
            excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*Tests\\$.*"))
    @Import({H2StoreSlice.class, AccessSlice.class, WebhookStoreConfiguration.class, AlertDeliveryConfiguration.class,
            WebhookController.class})
    static class Slice {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void onlyAdminsReachTheWebhooks() throws Exception {
        for (String role : new String[] {"TRAFFIC", "CUSTOMS", "AUDITOR", "METRICS", "INGEST"}) {
            mvc.perform(get("/api/v1/webhooks").with(user("u").roles(role))).andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/webhooks").with(user("u").roles(role)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"url\":\"https://x.example.org/\",\"secret\":\"0123456789abcdef\"}")).andExpect(status().isForbidden());
            mvc.perform(post("/api/v1/webhooks/1/test").with(user("u").roles(role)).with(csrf())).andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/v1/webhooks")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/webhooks").with(user("boss").roles("ADMIN"))).andExpect(status().isOk());
    }
}
