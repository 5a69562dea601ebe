package org.openrfid.trace.service.alert.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openrfid.trace.service.alert.Alert;
import org.openrfid.trace.service.alert.AlertEvent;
import org.openrfid.trace.service.alert.AlertListener;
import org.openrfid.trace.service.alert.AlertStatus;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers this member's alert events to the registered webhooks: an HTTP POST of the event's JSON, signed
 * ({@link WebhookSignature}), with {@code X-Rfid-Event} (RAISED or CHANGED) and {@code X-Rfid-Event-Id} (the event's seq).
 *
 * <p>{@link #onAlert} only queues (bounded, the oldest dropped and counted), so a slow subscriber never holds the
 * pipeline. A dispatcher thread fans events out to one lane per webhook; a lane sends one event at a time, in order,
 * asynchronously, and retries a non-2xx answer or an I/O error with exponential back-off up to {@code max-attempts}
 * times before giving that event up. Every failed attempt counts; {@code disable-after} failures in a row turn the
 * webhook off until an administrator enables it again. Events queued when the member stops are not delivered.
 */
public final class WebhookDelivery implements AlertListener, AutoCloseable {

    public static final String EVENT_HEADER = "X-Rfid-Event";
    public static final String EVENT_ID_HEADER = "X-Rfid-Event-Id";
    public static final String TEST_HEADER = "X-Rfid-Test";
    static final int INTAKE_CAPACITY = 10_000;
    private static final int ERROR_MAX = 500;
    private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

    private final Webhooks store;
    private final ObjectMapper json;
    private final AlertDeliveryProperties.Webhooks settings;
    private final Clock clock;
    private final MeterRegistry meters;
    private final BlockingQueue<AlertEvent> intake = new ArrayBlockingQueue<>(INTAKE_CAPACITY);
    private final Map<Long, Lane> lanes = new ConcurrentHashMap<>();
    private final HttpClient http;
    private final ScheduledThreadPoolExecutor scheduler;
    private final Thread dispatcher;
    private final Counter dropped;
    private final Consumer<Webhook> disabled;
    private volatile Map<Long, Webhook> cache;
    private volatile Instant cachedAt = Instant.MIN;
    private volatile boolean running = true;

    public WebhookDelivery(Webhooks store, ObjectMapper json, AlertDeliveryProperties.Webhooks settings, Clock clock, MeterRegistry meters) {
        this(store, json, settings, clock, meters, w -> { });
    }

    /** @param disabled told, on a sender thread, of each webhook this member turned off for its failures (the audit trail hears it) */
    public WebhookDelivery(Webhooks store, ObjectMapper json, AlertDeliveryProperties.Webhooks settings, Clock clock, MeterRegistry meters,
                           Consumer<Webhook> disabled) {
        this.disabled = disabled;
        this.store = store;
        this.json = json;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
        // HTTP/1.1: every receiver speaks it, and no h2c upgrade dance on plain http. Redirects are not followed: a
        // signed body goes only where it was registered to.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        AtomicInteger n = new AtomicInteger();
        this.scheduler = new ScheduledThreadPoolExecutor(Math.max(1, settings.threads()), r -> {
            Thread t = new Thread(r, "webhook-sender-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.dispatcher = new Thread(this::dispatch, "webhook-dispatcher");
        this.dispatcher.setDaemon(true);
        this.dropped = Counter.builder("rfid.alerts.delivery.dropped").tag("channel", "webhook")
                .description("alert events dropped because a webhook's queue was full").register(meters);
    }

    public WebhookDelivery start() {
        dispatcher.start();
        return this;
    }

    @Override
    public void onAlert(AlertEvent event) {
        while (!intake.offer(event)) {
            if (intake.poll() != null) {
                dropped.increment();
            }
        }
    }

    /** Forgets the cached webhooks, so a change made through this member's API applies to the next event. */
    public void webhooksChanged() {
        cachedAt = Instant.MIN;
    }

    /** Events waiting for the webhook (tests and diagnostics). */
    public int queued(long webhookId) {
        Lane lane = lanes.get(webhookId);
        return lane == null ? 0 : lane.size();
    }

    /**
     * Sends a test event to the webhook now and waits for the answer (at most the request timeout). The event is marked
     * {@code X-Rfid-Test: true}, has seq 0 and alert id 0; it does not change the webhook's delivery state.
     */
    public TestResult test(Webhook webhook) {
        AlertType type = webhook.types().isEmpty() ? AlertType.WATCHLIST : webhook.types().iterator().next();
        Instant now = clock.instant();
        Alert alert = new Alert(0, type, "test", Severity.INFO, AlertStatus.OPEN, now, null, null, null, null, null,
                "Test event from rfid-trace: your webhook is reachable", Map.of("test", true), 0, now,
                List.of(new Alert.Change(AlertStatus.OPEN, now, "system", null)));
        AlertEvent event = new AlertEvent(0, AlertEvent.Kind.RAISED, alert);
        long started = System.nanoTime();
        try {
            HttpRequest request = request(webhook, event.seq(), event.kind(), body(event), true);
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            boolean ok = response.statusCode() / 100 == 2;
            return new TestResult(ok, response.statusCode(), ok ? null : "HTTP " + response.statusCode(), millis);
        } catch (IOException e) {
            return new TestResult(false, null, describe(e), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TestResult(false, null, "interrupted", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
    }

    /**
     * The answer to a test delivery.
     *
     * @param status the receiver's HTTP status, or null when there was none (I/O error, timeout)
     * @param error  why it failed, or null
     */
    public record TestResult(boolean delivered, Integer status, String error, long durationMillis) {
    }

    @Override
    public void close() {
        running = false;
        dispatcher.interrupt();
        scheduler.shutdownNow();
    }

    private void dispatch() {
        while (running) {
            AlertEvent event;
            try {
                event = intake.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                byte[] body = body(event);
                for (Webhook w : current().values()) {
                    if (w.enabled() && w.wants(event.alert().type())) {
                        lanes.computeIfAbsent(w.id(), Lane::new).add(new Pending(event.seq(), event.kind(), body));
                    }
                }
            } catch (RuntimeException e) {
                // One bad event or a store hiccup must not end delivery for the rest.
                log.warn("Alert event {} not handed to webhooks: {}", event.seq(), e.toString());
            }
        }
    }

    private Map<Long, Webhook> current() {
        Instant now = clock.instant();
        Map<Long, Webhook> c = cache;
        if (c == null || cachedAt.plus(settings.cacheTtl()).isBefore(now) || cachedAt.equals(Instant.MIN)) {
            c = store.all().stream().collect(Collectors.toUnmodifiableMap(Webhook::id, Function.identity()));
            cache = c;
            cachedAt = now;
        }
        return c;
    }

    private byte[] body(AlertEvent event) {
        try {
            return json.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("alert event " + event.seq() + " is not serialisable", e);
        }
    }

    private HttpRequest request(Webhook w, long seq, AlertEvent.Kind kind, byte[] body, boolean test) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(w.url()))
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "rfid-trace-webhooks")
                .header(WebhookSignature.HEADER, WebhookSignature.sign(w.secret(), body))
                .header(EVENT_HEADER, kind.name())
                .header(EVENT_ID_HEADER, Long.toString(seq))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (test) {
            b.header(TEST_HEADER, "true");
        }
        return b.build();
    }

    private void count(String outcome) {
        meters.counter("rfid.alerts.delivery", "channel", "webhook", "outcome", outcome).increment();
    }

    private static String describe(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        String text = t instanceof HttpTimeoutException ? "timed out: " + t.getMessage()
                : t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        return text.length() > ERROR_MAX ? text.substring(0, ERROR_MAX) : text;
    }

    /** An event waiting for one webhook. */
    private static final class Pending {
        final long seq;
        final AlertEvent.Kind kind;
        final byte[] body;
        int attempts;

        Pending(long seq, AlertEvent.Kind kind, byte[] body) {
            this.seq = seq;
            this.kind = kind;
            this.body = body;
        }
    }

    /** One webhook's queue: one request in flight at a time, events in the order they came. */
    private final class Lane {
        private final long webhookId;
        private final ArrayDeque<Pending> queue = new ArrayDeque<>();
        private boolean busy;

        Lane(long webhookId) {
            this.webhookId = webhookId;
        }

        synchronized int size() {
            return queue.size();
        }

        void add(Pending p) {
            boolean kick;
            synchronized (this) {
                if (queue.size() >= settings.queueCapacity()) {
                    queue.poll();
                    dropped.increment();
                }
                queue.add(p);
                kick = !busy;
                busy = true;
            }
            if (kick) {
                submit(this::sendHead);
            }
        }

        private void submit(Runnable r) {
            later(r, 0);
        }

        private void later(Runnable r, long millis) {
            if (!running) {
                return;
            }
            try {
                scheduler.schedule(r, millis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // closing: what waits is not sent (see the class comment)
            }
        }

        private void sendHead() {
            Pending p;
            synchronized (this) {
                p = queue.peek();
                if (p == null) {
                    busy = false;
                    return;
                }
            }
            Webhook w;
            try {
                w = current().get(webhookId);
            } catch (RuntimeException e) {
                log.warn("Webhook {}: store not readable, retrying: {}", webhookId, e.toString());
                later(this::sendHead, settings.retryInitial().toMillis());
                return;
            }
            if (w == null || !w.enabled()) {
                abandon(w == null ? "deleted" : "disabled");
                return;
            }
            try {
                HttpRequest request = request(w, p.seq, p.kind, p.body, false);
                http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                        .whenCompleteAsync((response, error) -> answered(w, p, response, error), scheduler);
            } catch (RuntimeException e) {
                // A request that cannot even be built (a URL stored by hand, say) is a failed attempt, not a stuck lane.
                answered(w, p, null, e);
            }
        }

        private void answered(Webhook w, Pending p, HttpResponse<Void> response, Throwable error) {
            Instant at = clock.instant();
            if (error == null && response.statusCode() / 100 == 2) {
                count("delivered");
                try {
                    store.delivered(webhookId, at);
                } catch (RuntimeException e) {
                    log.warn("Webhook {}: delivery of event {} not recorded: {}", webhookId, p.seq, e.toString());
                }
                if (w.consecutiveFailures() > 0) {
                    webhooksChanged();
                }
                next();
                return;
            }
            String why = error == null ? "HTTP " + response.statusCode() : describe(error);
            p.attempts++;
            Optional<Webhook> after;
            try {
                after = store.failed(webhookId, at, why, settings.disableAfter());
            } catch (RuntimeException e) {
                log.warn("Webhook {}: failure not recorded: {}", webhookId, e.toString());
                after = Optional.of(w);
            }
            webhooksChanged();
            if (after.isEmpty() || !after.get().enabled()) {
                if (after.isPresent() && w.enabled()) {
                    log.warn("Webhook {} ({}) disabled after {} failed attempts in a row; last: {}", webhookId, Webhook.redacted(w.url()),
                            after.get().consecutiveFailures(), why);
                    try {
                        disabled.accept(after.get());
                    } catch (RuntimeException e) {
                        log.warn("Webhook {}: disabling not recorded: {}", webhookId, e.toString());
                    }
                }
                abandon(after.isEmpty() ? "deleted" : "disabled");
                return;
            }
            if (p.attempts >= settings.maxAttempts()) {
                count("failed");
                log.warn("Webhook {}: event {} given up after {} attempts; last: {}", webhookId, p.seq, p.attempts, why);
                next();
                return;
            }
            count("retried");
            later(this::sendHead, settings.backoff(p.attempts).toMillis());
        }

        private void next() {
            synchronized (this) {
                queue.poll();
            }
            submit(this::sendHead);
        }

        /** Drops what waits: the webhook is gone or off. A later event for it starts a new lane. */
        private void abandon(String why) {
            int n;
            synchronized (this) {
                n = queue.size();
                queue.clear();
                busy = false;
                lanes.remove(webhookId, this);
            }
            if (n > 0) {
                meters.counter("rfid.alerts.delivery", "channel", "webhook", "outcome", why).increment(n);
            }
        }
    }
}
