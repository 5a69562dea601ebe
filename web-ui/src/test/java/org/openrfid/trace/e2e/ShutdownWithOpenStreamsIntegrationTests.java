package org.openrfid.trace.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.RfidTraceApplication;
import org.openrfid.trace.service.platform.web.OpenStreams;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stopping the application while consoles are open: the web server's graceful shutdown waits for requests
 * in progress, and an open event stream is one until its browser leaves. Before {@link OpenStreams} ended
 * them, every stop with a console open waited out the 30 s shutdown phase (the test suite's forks too:
 * "Surefire is going to kill self fork JVM"). Now the streams end first and the stop goes on at once.
 */
class ShutdownWithOpenStreamsIntegrationTests {

    static final String PASSWORD = "shutdown-streams-secret";

    @Test
    void openEventStreamsAreEndedSoAStopDoesNotWaitForTheirBrowsers() throws Exception {
        Path dir = Files.createTempDirectory("streams-stop");
        int clusterPort;
        try (ServerSocket s = new ServerSocket(0)) {
            clusterPort = s.getLocalPort();
        }
        ConfigurableApplicationContext app = new SpringApplicationBuilder(RfidTraceApplication.class).run(
                "--server.port=0", "--rfid.demo.enabled=false", "--rfid.retention.enabled=false", "--camel.main.jmx-enabled=false",
                "--RFID_ADMIN_PASSWORD=" + PASSWORD, "--RFID_DATA_DIR=" + dir, "--rfid.cluster.port=" + clusterPort,
                "--spring.datasource.url=jdbc:h2:mem:streams-stop;DB_CLOSE_DELAY=-1");
        boolean closed = false;
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            List<CompletableFuture<Integer>> streams = new ArrayList<>();
            for (String path : List.of("/ui/dashboard/stream", "/ui/map/stream", "/ui/alerts/stream")) {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://localhost:" + port + path).toURL().openConnection();
                c.setRequestProperty("Authorization", auth);
                c.setRequestProperty("Accept", "text/event-stream");
                c.setReadTimeout(120_000);
                assertThat(c.getResponseCode()).as(path).isEqualTo(200);
                BufferedReader body = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8));
                streams.add(CompletableFuture.supplyAsync(() -> {
                    int lines = 0;
                    try {
                        while (body.readLine() != null) {
                            lines++;
                        }
                    } catch (java.io.IOException e) {
                        // the connection was cut rather than ended: also an end
                    }
                    return lines;
                }));
            }
            OpenStreams open = app.getBean(OpenStreams.class);
            // noted once the handler returned, which can be a moment after the client has its 200
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(open.openCount()).as("streams open before the stop").isGreaterThanOrEqualTo(streams.size()));

            long started = System.nanoTime();
            app.close();
            closed = true;
            double seconds = (System.nanoTime() - started) / 1e9;
            for (CompletableFuture<Integer> stream : streams) {
                assertThat(stream.get(5, TimeUnit.SECONDS)).as("the stream ended (lines read before)").isNotNull();
            }
            assertThat(open.openCount()).isZero();
            // the graceful shutdown phase times out after 30 s: a stop that waited for the browsers takes that long
            assertThat(seconds).as("seconds the stop took with %d streams open", streams.size()).isLessThan(20);
        } finally {
            if (!closed) {
                app.close();
            }
        }
    }
}
