package org.openrfid.trace.web.registry;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Follows an import for one open page: a few times a second, when the counters moved, {@code event: progress}
 * carries the progress bar; at the end {@code event: done} carries the counts or the refused lines, and the
 * stream ends (the page closes its source on {@code done}). The importing thread is never blocked by a slow page:
 * the stream reads the job's counters, the job does not push.
 */
@Component
class ImportProgressStream implements DisposableBean {

    static final long EVERY_MS = 250;
    private static final long TIMEOUT_MS = 60 * 60_000L;

    private final ITemplateEngine templates;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "registry-import-progress");
        t.setDaemon(true);
        return t;
    });

    ImportProgressStream(ITemplateEngine templates) {
        this.templates = templates;
    }

    SseEmitter follow(ImportJob job, Locale locale) {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
        AtomicReference<ImportJob.Snapshot> last = new AtomicReference<>();
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
        task.set(ticker.scheduleWithFixedDelay(() -> tick(job, locale, emitter, last, stop), 0, EVERY_MS, TimeUnit.MILLISECONDS));
        return emitter;
    }

    private void tick(ImportJob job, Locale locale, SseEmitter emitter, AtomicReference<ImportJob.Snapshot> last, Runnable stop) {
        ImportJob.Snapshot now = job.snapshot();
        try {
            if (!now.equals(last.get())) {
                last.set(now);
                emitter.send(SseEmitter.event().name("progress").data(render("progress", job, now, locale), MediaType.TEXT_HTML));
            }
            if (now.state().finished()) {
                emitter.send(SseEmitter.event().name("done").data(render("result", job, now, locale), MediaType.TEXT_HTML));
                stop.run();
                emitter.complete();
            }
        } catch (IOException | IllegalStateException e) {
            // the page went away
            stop.run();
        } catch (RuntimeException e) {
            stop.run();
            emitter.completeWithError(e);
        }
    }

    /** One fragment of {@code registry/import}; SSE data lines cannot hold bare newlines, so it is sent on one line. */
    String render(String fragment, ImportJob job, ImportJob.Snapshot snapshot, Locale locale) {
        Context context = new Context(locale);
        context.setVariable("job", job);
        context.setVariable("snap", snapshot);
        return templates.process("registry/import", Set.of(fragment), context).replace('\r', ' ').replace('\n', ' ');
    }

    @Override
    public void destroy() {
        ticker.shutdownNow();
    }
}
