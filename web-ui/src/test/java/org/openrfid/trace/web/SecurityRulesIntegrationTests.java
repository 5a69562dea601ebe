package org.openrfid.trace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The assembled application's headers and role rules, over real HTTP. */
@AutoConfigureObservability // Boot's tests turn metrics export, hence the prometheus endpoint, off otherwise
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "rfid.demo.enabled=false",
        "RFID_ADMIN_PASSWORD=" + SecurityRulesIntegrationTests.PASSWORD,
        "spring.datasource.url=jdbc:h2:mem:security-rules;DB_CLOSE_DELAY=-1",
})
class SecurityRulesIntegrationTests {

    static final String PASSWORD = "security-rules-password";
    static final String LIB1_PASSWORD = "lib1-long-password";

    @Autowired
    TestRestTemplate http;

    @Test
    void pagesCarryAStrictContentSecurityPolicyAndPrivacyHeaders() {
        ResponseEntity<String> login = http.getForEntity("/login", String.class);
        HttpHeaders headers = login.getHeaders();
        assertThat(headers.getFirst("Content-Security-Policy")).contains("script-src 'self'").contains("object-src 'none'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(headers.getFirst("Permissions-Policy")).contains("camera=()").contains("geolocation=()");
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void aLibrarianIsForbiddenUserAdministrationMetricsAndIngestAsProblemDetails() {
        ResponseEntity<String> created = http.withBasicAuth("admin", PASSWORD).postForEntity("/api/v1/users",
                Map.of("username", "lib1", "displayName", "Librarian One", "roles", List.of("LIBRARIAN"), "enabled", true,
                        "password", LIB1_PASSWORD), String.class);
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);

        for (String path : List.of("/api/v1/users", "/actuator/prometheus")) {
            ResponseEntity<String> denied = http.withBasicAuth("lib1", LIB1_PASSWORD).getForEntity(path, String.class);
            assertThat(denied.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
            if (path.startsWith("/api/")) {
                assertThat(denied.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
                assertThat(denied.getBody()).contains("\"status\":403");
            }
        }
        ResponseEntity<String> push = http.withBasicAuth("lib1", LIB1_PASSWORD).postForEntity("/api/v1/ingest/reads",
                Map.of("readerId", "gate-1", "reads", List.of()), String.class);
        assertThat(push.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> me = http.withBasicAuth("lib1", LIB1_PASSWORD).getForEntity("/api/v1/me", String.class);
        assertThat(me.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(me.getBody()).contains("LIBRARIAN");
        ResponseEntity<String> scrape = http.withBasicAuth("admin", PASSWORD).getForEntity("/actuator/prometheus", String.class);
        assertThat(scrape.getStatusCode()).as(scrape.getBody()).isEqualTo(HttpStatus.OK);
    }
}
