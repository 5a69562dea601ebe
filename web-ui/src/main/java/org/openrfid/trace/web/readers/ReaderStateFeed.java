package org.openrfid.trace.web.readers;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.openrfid.trace.web.console.ConsoleZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes the readers' live cells to the open readers pages (server-sent events, no polling): every
 * {@code every}, each page whose readers changed since it was last told gets {@code event: readers}, a JSON
 * array with, per reader, its state (code, text in the page's language, flapping), last keepalive and reads
 * per second, the same figures the page was rendered with ({@link ReaderRows}). The rows are computed once
 * per tick and rendered once per language; nothing is computed while no page is open.
 */
public class ReaderStateFeed implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReaderStateFeed.class);

    /** One open page: its language, and the one reader it shows ({@code null}: the list of all). */
    public record Page(SseEmitter emitter, Locale locale, String readerId) {
    }

    private record Open(Page page, AtomicReference<String> lastSent, AtomicLong lastSentAt) {
    }

    /** Unchanged cells are not sent again, but a comment goes out this often: a page gone away is noticed and let go. */
    private static final long HEARTBEAT_MS = 10_000;

    private final ReaderRows rows;
    private final MessageSource messages;
    private final ConsoleZone zone;
    private final ObjectMapper json;
    private final List<Open> pages = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "readers-page-feed");
        t.setDaemon(true);
        return t;
    });

    ReaderStateFeed(ReaderRows rows, MessageSource messages, ConsoleZone zone, ObjectMapper json, Duration every) {
        this.rows = rows;
        this.messages = messages;
        this.zone = zone;
        this.json = json;
        ticker.scheduleWithFixedDelay(this::tick, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    void open(Page page) throws IOException {
        Open open = new Open(page, new AtomicReference<>(), new AtomicLong(System.currentTimeMillis()));
        page.emitter().onCompletion(() -> pages.remove(open));
        page.emitter().onTimeout(() -> pages.remove(open));
        page.emitter().onError(e -> pages.remove(open));
        // a first comment, so the browser's EventSource opens at once (and the page shows it is live)
        page.emitter().send(SseEmitter.event().comment("readers"));
        pages.add(open);
    }

    int pageCount() {
        return pages.size();
    }

    private void tick() {
        if (pages.isEmpty()) {
            return;
        }
        try {
            List<ReaderPageRow> all = rows.all();
            Map<String, List<Map<String, Object>>> byLanguage = new HashMap<>();
            for (Open open : pages) {
                Page page = open.page();
                List<Map<String, Object>> cells = byLanguage.computeIfAbsent(page.locale().toLanguageTag(),
                        k -> all.stream().map(r -> cells(r, page.locale())).toList());
                if (page.readerId() != null) {
                    cells = cells.stream().filter(c -> page.readerId().equals(c.get("id"))).toList();
                }
                send(open, json.writeValueAsString(cells));
            }
        } catch (IOException | RuntimeException e) {
            // the cluster may be away for a moment: the next tick tries again
            log.debug("Reader states not sent: {}", e.toString());
        }
    }

    /** Only what changed since this page was last told: a keepalive every few seconds is a change. */
    private void send(Open open, String data) {
        long now = System.currentTimeMillis();
        boolean same = data.equals(open.lastSent().get());
        if (same && now - open.lastSentAt().get() < HEARTBEAT_MS) {
            return;
        }
        try {
            if (same) {
                open.page().emitter().send(SseEmitter.event().comment("unchanged"));
            } else {
                open.page().emitter().send(SseEmitter.event().name("readers").data(data, MediaType.APPLICATION_JSON));
                open.lastSent().set(data);
            }
            open.lastSentAt().set(now);
        } catch (IOException | IllegalStateException e) {
            pages.remove(open); // the page went away
        }
    }

    private Map<String, Object> cells(ReaderPageRow r, Locale locale) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", r.id());
        c.put("state", r.state() == null ? "ELSEWHERE" : r.state());
        c.put("stateClass", "state-" + (r.state() == null ? "elsewhere" : r.state().toLowerCase(Locale.ROOT)));
        c.put("stateText", messages.getMessage(r.stateKey(), null, r.stateKey(), locale));
        c.put("flapping", r.flapping());
        c.put("flappingText", messages.getMessage("readers.flapping", null, "", locale));
        c.put("keepalive", zone.dateTime(r.lastKeepalive()));
        c.put("rate", r.state() == null ? "" : String.valueOf(r.readsPerSecond()));
        c.put("reports", r.tagReports());
        c.put("since", zone.dateTime(r.since()));
        c.put("heldBy", r.heldBy() == null ? messages.getMessage("readers.heldBy.none", null, "", locale)
                : r.heldHere() ? r.heldBy() + " " + messages.getMessage("readers.heldBy.here", null, "", locale) : r.heldBy());
        c.put("error", r.lastError() == null ? "" : r.lastError());
        c.put("errorNone", messages.getMessage("readers.error.none", null, "", locale));
        return c;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        pages.forEach(p -> p.page().emitter().complete());
        pages.clear();
    }
}
