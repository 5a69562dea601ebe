package org.openrfid.trace.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openrfid.trace.RfidTraceApplication;
import org.openrfid.trace.service.location.Location;
import org.openrfid.trace.service.location.Locations;
import org.openrfid.trace.service.user.Role;
import org.openrfid.trace.service.user.UserAdministration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How long a passage takes to reach open dashboards after its last read, at a steady load: the whole
 * application (embedded H2GIS, Hazelcast member, Camel pipeline) on a random port; reads pushed over
 * HTTP to {@code POST /api/v1/ingest/reads}, each tag read once (so last read = first seen); N
 * dashboards connected to {@code /ui/dashboard/stream} over real HTTP as the browser's EventSource is;
 * each received row's {@code data-at} (first seen) against the arrival time gives the latency, of which
 * the smoothing silence window (a tag must be silent that long to have passed) and the allowed lateness
 * of reads (how long the reader's watermark waits for stragglers) are by design.
 *
 * <pre>
 * ./mvnw -o -q -pl web-ui -am test-compile -DskipTests &&
 * ./mvnw -o -q -pl web-ui dependency:build-classpath -Dmdep.outputFile=/tmp/cp-ui.txt -Dmdep.includeScope=test &&
 * java -Xmx4g -cp web-ui/target/classes:web-ui/target/test-classes:$(cat /tmp/cp-ui.txt) \
 *   org.openrfid.trace.bench.DashboardLatencyBenchmark [passagesPerSecond=1000] [dashboards=20] [seconds=60] [--setting=value…]
 * </pre>
 *
 * Measures the server side of "arrival in the browser" (store, feed, render, SSE write, network on
 * loopback); the browser's own parse and paint of one table row is not in it.
 */
public final class DashboardLatencyBenchmark {

    private static final Pattern ROW = Pattern.compile("data-at=\"(\\d+)\"");
    private static final String PASSWORD = "dashboard-bench-password";
    private static final Duration SILENCE = Duration.ofSeconds(2);
    /** A passage closes when its reader's watermark (newest read less this) is past its last read plus the silence. */
    private static final Duration LATENESS = Duration.ofSeconds(1);

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int dashboards = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        int warmup = 15;

        List<String> settings = new ArrayList<>(List.of("--server.port=0", "--rfid.demo.enabled=false", "--RFID_ADMIN_PASSWORD=" + PASSWORD,
                "--spring.datasource.url=jdbc:h2:mem:dashbench;DB_CLOSE_DELAY=-1", "--rfid.cluster.port=15790",
                "--rfid.pipeline.silence=" + SILENCE.toMillis() + "ms",
                "--rfid.pipeline.allowed-lateness=" + LATENESS.toMillis() + "ms", "--rfid.retention.enabled=false",
                "--rfid.pipeline.spool.dir=target/bench-spool-" + System.nanoTime(),
                "--rfid.readers[0].id=bench", "--rfid.readers[0].host=127.0.0.1", "--rfid.readers[0].port=5084",
                "--rfid.readers[0].connection=READER_INITIATED", "--rfid.readers[0].antennas[0].antenna=0",
                "--rfid.readers[0].antennas[0].location=BENCH-1"));
        // further arguments are application settings to compare, e.g. --rfid.pipeline.store-batch-linger=10ms
        settings.addAll(List.of(args).subList(Math.min(3, args.length), args.length));
        ConfigurableApplicationContext app = new SpringApplication(RfidTraceApplication.class).run(settings.toArray(String[]::new));
        try {
            app.getBean(Locations.class).save(List.of(new Location("BENCH-1", "Bench gantry", "checkpoint", 29.56, 106.55, null)));
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            // Reads arrive as a reader pusher sends them: an INGEST account's API token (one SHA-256 per
            // request). With Basic auth every post costs a BCrypt check, which at 50 posts/s took both cores
            // and made the posts fall ever further behind (the "stall" of the first runs).
            UserAdministration users = app.getBean(UserAdministration.class);
            users.create("bench-pusher", new UserAdministration.UserInput("Bench pusher", Set.of(Role.INGEST), true, PASSWORD));
            String token = users.createToken("bench-pusher", "bench", 1).orElseThrow().secret();
            run(port, rate, dashboards, seconds, warmup, "Bearer " + token);
        } finally {
            app.close();
        }
    }

    private static void run(int port, int rate, int dashboards, int seconds, int warmup, String ingestAuth) throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        AtomicBoolean measuring = new AtomicBoolean(false);
        ConcurrentLinkedQueue<Long> latenciesMs = new ConcurrentLinkedQueue<>();
        List<Long> postMicros = new ArrayList<>();
        AtomicLong rowsSeen = new AtomicLong();
        List<Thread> readers = new ArrayList<>();
        for (int i = 0; i < dashboards; i++) {
            HttpRequest open = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ui/dashboard/stream"))
                    .header("Authorization", auth).header("Accept", "text/event-stream").header("Accept-Language", "zh-CN").GET().build();
            // one client per dashboard, as each browser has its own connection (a shared client stalled the ingest posts)
            HttpResponse<java.util.stream.Stream<String>> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(open, HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("dashboard stream: HTTP " + response.statusCode());
            }
            Thread t = new Thread(() -> response.body().forEach(line -> {
                if (!line.startsWith("data:")) {
                    return;
                }
                long now = System.currentTimeMillis();
                Matcher m = ROW.matcher(line);
                while (m.find()) {
                    rowsSeen.incrementAndGet();
                    if (measuring.get()) {
                        latenciesMs.add(now - Long.parseLong(m.group(1)));
                    }
                }
            }), "dashboard-" + i);
            t.setDaemon(true);
            t.start();
            readers.add(t);
        }

        // Reads: every 20 ms a batch of rate/50 new tags, each read once, dated now.
        int perBatch = Math.max(1, rate / 50);
        long serial = 1;
        long start = System.nanoTime();
        long total = (long) (warmup + seconds) * 50;
        for (long batch = 0; batch < total; batch++) {
            if (batch == warmup * 50L) {
                measuring.set(true);
                latenciesMs.clear();
            }
            StringBuilder body = new StringBuilder("{\"readerId\":\"bench\",\"reads\":[");
            String now = Instant.now().toString();
            for (int i = 0; i < perBatch; i++) {
                if (i > 0) {
                    body.append(',');
                }
                body.append("{\"epc\":\"").append(String.format(Locale.ROOT, "3034%020X", serial++)).append("\",\"antenna\":1,\"rssi\":-55,\"timestamp\":\"")
                        .append(now).append("\"}");
            }
            body.append("]}");
            long posted = System.nanoTime();
            post(port, ingestAuth, body.toString());
            if (measuring.get()) {
                postMicros.add((System.nanoTime() - posted) / 1000);
            }
            long due = start + (batch + 1) * 20_000_000L;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        Thread.sleep(SILENCE.toMillis() + 2000);
        measuring.set(false);

        long[] ms = latenciesMs.stream().mapToLong(Long::longValue).sorted().toArray();
        long sent = (serial - 1);
        System.out.printf(Locale.ROOT, "dashboard latency: %d passages/s for %d s (+%d s warm-up), %d dashboards, silence window %d ms%n",
                rate, seconds, warmup, dashboards, SILENCE.toMillis());
        System.out.printf(Locale.ROOT, "  reads sent %d in %.1f s (%.0f/s; planned %d s), rows received %d (all dashboards), measured %d%n",
                sent, sendSeconds, sent / sendSeconds, warmup + seconds, rowsSeen.get(), ms.length);
        if (ms.length > 0) {
            System.out.printf(Locale.ROOT, "  last read -> dashboard: p50 %d ms, p90 %d ms, p95 %d ms, p99 %d ms, p99.9 %d ms, max %d ms%n",
                    pct(ms, 50), pct(ms, 90), pct(ms, 95), pct(ms, 99), pct(ms, 99.9), ms[ms.length - 1]);
            long[] posts = postMicros.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "  ingest post (answered once the reads are durable): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    pct(posts, 50) / 1000.0, pct(posts, 99) / 1000.0, posts[posts.length - 1] / 1000.0);
            long designed = SILENCE.toMillis() + LATENESS.toMillis();
            System.out.printf(Locale.ROOT, "  above silence + allowed lateness (%d ms, by design): p50 %d ms, p99 %d ms%n",
                    designed, pct(ms, 50) - designed, pct(ms, 99) - designed);
        }
    }

    /**
     * One post through HttpURLConnection (keep-alive pooled by the JDK): the java.net.http client stalled here for
     * good now and then, after Tomcat closed a keep-alive connection (100 requests each), request timeout or not.
     */
    private static void post(int port, String auth, String body) throws Exception {
        java.net.HttpURLConnection c = (java.net.HttpURLConnection) URI.create("http://localhost:" + port + "/api/v1/ingest/reads").toURL().openConnection();
        c.setConnectTimeout(5000);
        c.setReadTimeout(10000);
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Authorization", auth);
        c.setRequestProperty("Content-Type", "application/json");
        try (var out = c.getOutputStream()) {
            out.write(body.getBytes(StandardCharsets.UTF_8));
        }
        int status = c.getResponseCode();
        try (var in = status / 100 == 2 ? c.getInputStream() : c.getErrorStream()) {
            String answer = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (status / 100 != 2) {
                throw new IllegalStateException("ingest: HTTP " + status + " " + answer);
            }
        }
    }

    private static long pct(long[] sorted, double p) {
        int i = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(p / 100.0 * sorted.length) - 1));
        return sorted[i];
    }

    private DashboardLatencyBenchmark() {
    }
}
