package org.openrfid.trace.web.library;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.openrfid.trace.service.library.Inventories;
import org.openrfid.trace.service.library.InventoryRead;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The growing count of an open shelf inventory for its page: once a second, when it moved,
 * {@code event: count} carries the counter; when the session is finished (here or by another desk or
 * the API), {@code event: finished} tells the page to load the report, and the stream ends. The reads
 * arrive through the pipeline, so the stream reads the store rather than being pushed.
 */
@Component
class InventoryCountStream implements DisposableBean {

    static final long EVERY_MS = 1_000;
    private static final long TIMEOUT_MS = 60 * 60_000L;

    /** Tags read and how many of them are library items. */
    record Count(int tags, int items) {
    }

    private final Inventories inventories;
    private final ITemplateEngine templates;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "inventory-count");
        t.setDaemon(true);
        return t;
    });

    InventoryCountStream(Inventories inventories, ITemplateEngine templates) {
        this.inventories = inventories;
        this.templates = templates;
    }

    Count count(long id) {
        List<InventoryRead> reads = inventories.reads(id);
        return new Count(reads.size(), (int) reads.stream().filter(r -> r.itemId() != null).count());
    }

    SseEmitter follow(long id, Locale locale) {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
        AtomicReference<Count> last = new AtomicReference<>();
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        Runnable stop = () -> {
            ScheduledFuture<?> f = task.get();
            if (f != null) {
                f.cancel(false);
            }
        };
        emitter.onCompletion(stop);
        emitter.onTimeout(stop);
        emitter.onError(e -> stop.run());
        task.set(ticker.scheduleWithFixedDelay(() -> tick(id, locale, emitter, last, stop), 0, EVERY_MS, TimeUnit.MILLISECONDS));
        return emitter;
    }

    private void tick(long id, Locale locale, SseEmitter emitter, AtomicReference<Count> last, Runnable stop) {
        try {
            Count now = count(id);
            if (!now.equals(last.get())) {
                last.set(now);
                emitter.send(SseEmitter.event().name("count").data(render(now, locale), MediaType.TEXT_HTML));
            }
            boolean finished = inventories.find(id).map(i -> !i.open()).orElse(true);
            if (finished) {
                emitter.send(SseEmitter.event().name("finished").data("finished"));
                stop.run();
                emitter.complete();
            }
        } catch (IOException | IllegalStateException e) {
            stop.run(); // the page went away
        } catch (RuntimeException e) {
            stop.run();
            emitter.completeWithError(e);
        }
    }

    String render(Count count, Locale locale) {
        Context context = new Context(locale);
        context.setVariable("count", count);
        return templates.process("library/inventory", Set.of("count"), context).replace('\r', ' ').replace('\n', ' ').strip();
    }

    @Override
    public void destroy() {
        ticker.shutdownNow();
    }
}
