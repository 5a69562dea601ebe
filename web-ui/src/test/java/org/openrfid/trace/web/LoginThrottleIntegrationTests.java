package org.openrfid.trace.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Login throttling on the real server, with a 10 s window so the window's end can be waited for. Not shorter:
 * the ten bad passwords cost ten BCrypt checks, which on a loaded 2-core machine took over 3 s, and a 3 s window
 * then slid past the first failures before the eleventh (a fresh-clone run got 401 instead of 429).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "rfid.demo.enabled=false",
        "RFID_ADMIN_PASSWORD=" + LoginThrottleIntegrationTests.PASSWORD,
        "spring.datasource.url=jdbc:h2:mem:throttle;DB_CLOSE_DELAY=-1",
        "rfid.security.login-throttle.window=10s",
})
class LoginThrottleIntegrationTests {

    static final String PASSWORD = "login-throttle-password";

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theEleventhBadPasswordGets429AndAGoodOneWorksAfterTheWindow() throws Exception {
        for (int i = 1; i <= 10; i++) {
            assertThat(get("admin", "wrong-" + i).statusCode()).as("bad password %d", i).isEqualTo(401);
        }
        HttpResponse<String> eleventh = get("admin", "wrong-11");
        assertThat(eleventh.statusCode()).isEqualTo(429);
        assertThat(eleventh.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Integer.parseInt(s)).isBetween(1, 10));
        assertThat(get("admin", PASSWORD).statusCode()).as("even the right password waits").isEqualTo(429);

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> get("admin", PASSWORD).statusCode() == 200);
    }

    private HttpResponse<String> get(String user, String password) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/passages?limit=1"))
                .header("Authorization", "Basic " + basic).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
