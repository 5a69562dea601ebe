package org.openrfid.trace.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The audit trail in the assembled application: a failed Basic login becomes a LOGIN_FAILED
 * records, the admin reads them back and the chain verifies. Same properties as
 * {@link H2gisEndToEndIntegrationTests}, so the application context is shared.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "rfid.demo.enabled=false",
        "RFID_ADMIN_PASSWORD=" + EndToEndContractTests.PASSWORD,
        "spring.datasource.url=jdbc:h2:mem:e2e;DB_CLOSE_DELAY=-1",
})
class AuditTrailIntegrationTests {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void failedLoginsAreAuditedAndTheChainVerifies() throws Exception {
        String tried = "mallory-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> basic = get("/api/v1/passages?limit=1", tried, "guess");
        assertThat(basic.statusCode()).isEqualTo(401);

        HttpResponse<String> audit = get("/api/v1/audit?action=LOGIN_FAILED&username=" + tried, "admin", EndToEndContractTests.PASSWORD);
        assertThat(audit.statusCode()).as(audit.body()).isEqualTo(200);
        assertThat(audit.body()).contains("\"username\":\"" + tried + "\"", "\"outcome\":\"REFUSED\"", "\"clientIp\":\"127.0.0.1\"");
        assertThat(audit.body().split("\"action\":\"LOGIN_FAILED\"", -1)).as("exactly one record").hasSize(2);

        HttpResponse<String> verify = get("/api/v1/audit/verify", "admin", EndToEndContractTests.PASSWORD);
        assertThat(verify.statusCode()).isEqualTo(200);
        assertThat(verify.body()).startsWith("{\"valid\":true,\"records\":");
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic " + basic).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
