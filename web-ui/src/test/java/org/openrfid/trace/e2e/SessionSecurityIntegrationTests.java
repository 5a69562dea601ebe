package org.openrfid.trace.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A browser session cannot be used by another site to change things: API calls that ride on the
 * session cookie need the CSRF token; machine clients with their own credentials do not.
 * Same properties as {@link H2gisEndToEndIntegrationTests}, so the application context is shared.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "rfid.demo.enabled=false",
        "RFID_ADMIN_PASSWORD=" + EndToEndContractTests.PASSWORD,
        "spring.datasource.url=jdbc:h2:mem:e2e;DB_CLOSE_DELAY=-1",
})
class SessionSecurityIntegrationTests {

    private static final String READS = "{\"readerId\":\"csrf-probe\",\"reads\":[{\"epc\":\"3074257BF7194E4000001A85\",\"antenna\":1}]}";

    @LocalServerPort
    int port;

    // Redirects are not followed: the login answer's own cookie and Location are what we check.
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void sessionCookieAloneCannotPostToTheApi() throws Exception {
        String session = logInWithForm();

        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(uri("/api/v1/ingest/reads"))
                .header("Content-Type", "application/json").header("Cookie", session)
                .POST(HttpRequest.BodyPublishers.ofString(READS)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> read = http.send(HttpRequest.newBuilder(uri("/api/v1/passages?limit=1"))
                .header("Cookie", session).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(read.statusCode()).as("the session itself is valid").isEqualTo(200);
    }

    @Test
    void machineClientWithBasicCredentialsNeedsNoToken() throws Exception {
        String basic = Base64.getEncoder().encodeToString(("admin:" + EndToEndContractTests.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/ingest/reads"))
                .header("Content-Type", "application/json").header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(READS)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
    }

    /** Logs in like the browser does and returns the session cookie. */
    private String logInWithForm() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/login")).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).as("login form carries a CSRF token").isTrue();
        String form = "username=admin&password=" + URLEncoder.encode(EndToEndContractTests.PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);

        HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", sessionCookie(page))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return sessionCookie(login);
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()))
                .split(";", 2)[0];
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
