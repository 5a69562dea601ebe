package org.openrfid.trace.web.gates;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.openrfid.trace.service.gate.GateTransaction;
import org.openrfid.trace.service.gate.GateTransactions;
import org.openrfid.trace.web.console.ConsoleZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Pushes new gate transactions to the open desks (server-sent events, no polling): each desk follows one
 * kind of gate and gets {@code event: gate} with the monitor's table row already rendered in its
 * language by its own template, which htmx puts on top of the table. The transaction is told on the
 * gate feed's thread; rendering and sending happen on this feed's own, so a slow page never holds up
 * the gates.
 */
public class GateDeskFeed implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GateDeskFeed.class);

    /** One open desk: the gate kind it follows and the template whose {@code row} fragment draws a row. */
    public record Desk(SseEmitter emitter, String locationKind, String template, Locale locale, String base) {
    }

    private final GateRows rows;
    private final ITemplateEngine templates;
    private final ConsoleZone zone;
    private final List<Desk> desks = new CopyOnWriteArrayList<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "gate-desk-feed");
        t.setDaemon(true);
        return t;
    });

    public GateDeskFeed(GateTransactions transactions, GateRows rows, ITemplateEngine templates, ConsoleZone zone) {
        this.rows = rows;
        this.templates = templates;
        this.zone = zone;
        transactions.listen(this::offer);
    }

    public void open(Desk desk) throws IOException {
        desk.emitter().onCompletion(() -> desks.remove(desk));
        desk.emitter().onTimeout(() -> desks.remove(desk));
        desk.emitter().onError(e -> desks.remove(desk));
        // a first comment, so the browser's EventSource opens at once (and the page shows it is live)
        desk.emitter().send(SseEmitter.event().comment("gates"));
        desks.add(desk);
    }

    int deskCount() {
        return desks.size();
    }

    private void offer(GateTransaction t) {
        if (desks.stream().noneMatch(d -> d.locationKind().equals(t.contents().locationKind()))) {
            return;
        }
        try {
            sender.execute(() -> send(t));
        } catch (RejectedExecutionException closing) {
            // shutting down: nobody to tell
        }
    }

    private void send(GateTransaction t) {
        try {
            GateRow row = rows.of(t);
            for (Desk desk : desks) {
                if (!desk.locationKind().equals(t.contents().locationKind())) {
                    continue;
                }
                try {
                    desk.emitter().send(SseEmitter.event().name("gate").data(render(desk, row), MediaType.TEXT_HTML));
                } catch (IOException | IllegalStateException e) {
                    desks.remove(desk); // the page went away
                }
            }
        } catch (RuntimeException e) {
            log.warn("Gate transaction {} was not sent to the desks: {}", t.id(), e.toString());
        }
    }

    /** SSE data lines cannot hold bare newlines: the row is sent on one line. */
    String render(Desk desk, GateRow row) {
        Context context = new Context(desk.locale());
        context.setVariables(Map.of("rows", List.of(row), "zone", zone, "base", desk.base()));
        return templates.process(desk.template(), Set.of("rows"), context).replace('\r', ' ').replace('\n', ' ').strip();
    }

    @Override
    public void close() {
        sender.shutdownNow();
        desks.forEach(d -> d.emitter().complete());
        desks.clear();
    }
}
