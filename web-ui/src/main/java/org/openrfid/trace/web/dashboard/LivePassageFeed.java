package org.openrfid.trace.web.dashboard;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.openrfid.trace.service.passage.EnrichedPassage;
import org.openrfid.trace.service.passage.LivePassages;
import org.openrfid.trace.service.privacy.Scope;
import org.openrfid.trace.web.console.ConsoleZone;
import org.openrfid.trace.web.console.DisplayNames;
import org.openrfid.trace.web.console.ObjectLabel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Pushes stored passages to open dashboards as they are stored (server-sent events, no polling). One
 * thread turns each batch into rows once (labels, place names), then sends every dashboard the rows its
 * filter admits, rendered once per language: {@code event: passages} carries {@code <tr>} elements that
 * htmx puts on top of the table. Batches that arrive while one is sent are sent together, so a burst
 * costs one event per dashboard rather than one per passage.
 */
public class LivePassageFeed implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LivePassageFeed.class);
    private static final int QUEUE = 1024;

    /** One open dashboard. */
    record Subscriber(SseEmitter emitter, RowFilter filter, Locale locale, String base, AtomicBoolean open) {
    }

    private final DisplayNames names;
    private final ITemplateEngine templates;
    private final ConsoleZone zone;
    private final PassageRates rates;
    private final DashboardCounters counters;
    private final java.util.concurrent.ScheduledExecutorService ticker;
    private final BlockingQueue<List<EnrichedPassage>> batches = new ArrayBlockingQueue<>(QUEUE);
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread dispatcher;
    private volatile boolean running = true;

    public LivePassageFeed(LivePassages live, DisplayNames names, ITemplateEngine templates, ConsoleZone zone, PassageRates rates,
                           DashboardCounters counters, java.time.Duration countersEvery) {
        this.names = names;
        this.templates = templates;
        this.zone = zone;
        this.rates = rates;
        this.counters = counters;
        this.ticker = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dashboard-counters");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::sendCounters, countersEvery.toMillis(), countersEvery.toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS);
        this.dispatcher = new Thread(this::dispatch, "dashboard-feed");
        dispatcher.setDaemon(true);
        dispatcher.start();
        live.subscribeEnriched(this::offer);
    }

    /** Called on the storing thread: never blocks it; a full queue drops the oldest batch (counted, logged). */
    private void offer(List<EnrichedPassage> batch) {
        while (!batches.offer(batch)) {
            if (batches.poll() != null && dropped.incrementAndGet() % 100 == 1) {
                log.warn("Dashboards fall behind: {} passage batches skipped on the live view so far", dropped.get());
            }
        }
    }

    void subscribe(Subscriber s) {
        s.emitter().onCompletion(() -> remove(s));
        s.emitter().onTimeout(() -> remove(s));
        s.emitter().onError(e -> remove(s));
        subscribers.add(s);
    }

    int subscriberCount() {
        return subscribers.size();
    }

    private void remove(Subscriber s) {
        s.open().set(false);
        subscribers.remove(s);
    }

    private void dispatch() {
        List<List<EnrichedPassage>> drained = new ArrayList<>();
        while (running) {
            try {
                drained.add(batches.take());
            } catch (InterruptedException e) {
                return;
            }
            batches.drainTo(drained);
            try {
                List<PassageRow> rows = rows(drained);
                rates.count(rows);
                send(rows);
            } catch (RuntimeException e) {
                log.warn("Live passages could not be sent to dashboards: {}", e.toString());
            }
            drained.clear();
        }
    }

    /** Newest first, as the table reads. */
    private List<PassageRow> rows(List<List<EnrichedPassage>> drained) {
        List<PassageRow> rows = new ArrayList<>();
        for (List<EnrichedPassage> batch : drained) {
            for (EnrichedPassage e : batch) {
                ObjectLabel label = e.object() == null ? null : names.of(e.object()).orElse(null);
                String kind = e.object() == null ? Scope.UNBOUND : e.object().kind().name();
                String locationName = names.locationName(e.passage().locationId());
                String locationKind = e.location() != null ? e.location().kind() : null;
                rows.add(PassageRow.of(e.passage(), kind, label, locationName, locationKind));
            }
        }
        rows.sort((a, b) -> b.at().compareTo(a.at()));
        return rows;
    }

    private void send(List<PassageRow> rows) {
        Map<String, String> rendered = new HashMap<>();
        for (Subscriber s : subscribers) {
            if (!s.open().get()) {
                continue;
            }
            List<PassageRow> mine = rows.stream().filter(s.filter()::admits).toList();
            if (mine.isEmpty()) {
                continue;
            }
            String html = mine.size() == rows.size()
                    ? rendered.computeIfAbsent(s.locale().toLanguageTag() + s.base(), k -> render(rows, s))
                    : render(mine, s);
            try {
                s.emitter().send(SseEmitter.event().name("passages").data(html, MediaType.TEXT_HTML));
            } catch (IOException | IllegalStateException e) {
                remove(s);
            }
        }
    }

    /** Every few seconds: each dashboard's counters, computed once per distinct scope. */
    private void sendCounters() {
        try {
            Map<Scope, DashboardCounters.Counts> byScope = new HashMap<>();
            for (Subscriber s : subscribers) {
                DashboardCounters.Counts counts = byScope.computeIfAbsent(timeless(s.filter().scope()), counters::of);
                sendCounters(s, counts);
            }
        } catch (RuntimeException e) {
            // the store may be away for a moment: the next tick tries again
            log.debug("Dashboard counters not sent: {}", e.toString());
        }
    }

    /** Sends one dashboard its counters now (also right after it opens, so it does not wait for the tick). */
    void sendCounters(Subscriber s, DashboardCounters.Counts counts) {
        Context context = new Context(s.locale());
        context.setVariable("counts", counts);
        context.setVariable("base", s.base());
        String html = templates.process("dashboard/counters", java.util.Set.of("counters"), context).replace('\n', ' ');
        try {
            s.emitter().send(SseEmitter.event().name("counters").data(html, MediaType.TEXT_HTML));
        } catch (IOException | IllegalStateException e) {
            remove(s);
        }
    }

    /** Scopes differ by their check time; counters do not depend on it (grants do not change what is counted). */
    private static Scope timeless(Scope scope) {
        return new Scope("counters", scope.unlimited(), scope.kinds(), scope.onlyAt(), java.time.Instant.EPOCH);
    }

    DashboardCounters.Counts countsFor(Scope scope) {
        return counters.of(scope);
    }

    String render(List<PassageRow> rows, Subscriber s) {
        Context context = new Context(s.locale());
        context.setVariable("rows", rows);
        context.setVariable("zone", zone);
        context.setVariable("base", s.base());
        // SSE data lines cannot hold a bare newline as content: one line per event is simplest for htmx
        return templates.process("dashboard/rows", java.util.Set.of("rows"), context).replace('\n', ' ');
    }

    @Override
    public void close() {
        running = false;
        dispatcher.interrupt();
        ticker.shutdownNow();
        subscribers.forEach(s -> s.emitter().complete());
        subscribers.clear();
    }
}
