package org.openrfid.trace.web.map;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openrfid.trace.service.privacy.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes each open map its activity counts every few seconds ({@code event: counts}, JSON of
 * {@link MapActivity.Snapshot}), computed once per distinct scope per tick, and once right after the map opens.
 * The counts include restricted objects (they are counted, never named), so two users with the same roles share
 * one computation.
 */
public class MapFeed implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MapFeed.class);

    record Subscriber(SseEmitter emitter, Scope scope, AtomicBoolean open) {
    }

    private final MapActivity activity;
    private final ScheduledExecutorService ticker;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    public MapFeed(MapActivity activity, Duration every) {
        this.activity = activity;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "map-activity");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::tick, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    void subscribe(SseEmitter emitter, Scope scope) {
        Subscriber s = new Subscriber(emitter, countingScope(scope), new AtomicBoolean(true));
        emitter.onCompletion(() -> remove(s));
        emitter.onTimeout(() -> remove(s));
        emitter.onError(e -> remove(s));
        subscribers.add(s);
        ticker.execute(() -> {
            try {
                send(s, activity.of(s.scope()));
            } catch (RuntimeException e) {
                log.debug("Map counts not sent: {}", e.toString());
            }
        });
    }

    int subscriberCount() {
        return subscribers.size();
    }

    private void tick() {
        try {
            Map<Scope, MapActivity.Snapshot> byScope = new HashMap<>();
            for (Subscriber s : subscribers) {
                if (s.open().get()) {
                    send(s, byScope.computeIfAbsent(s.scope(), activity::of));
                }
            }
        } catch (RuntimeException e) {
            // the store may be away for a moment: the next tick tries again
            log.debug("Map counts not sent: {}", e.toString());
        }
    }

    private void send(Subscriber s, MapActivity.Snapshot snapshot) {
        try {
            s.emitter().send(SseEmitter.event().name("counts").data(snapshot, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            remove(s);
        }
    }

    private void remove(Subscriber s) {
        s.open().set(false);
        subscribers.remove(s);
    }

    /** What counting depends on: the kinds and places (grants and the check time only name objects, which counts never do). */
    private static Scope countingScope(Scope scope) {
        return new Scope("map", scope.unlimited(), scope.kinds(), scope.onlyAt(), Instant.EPOCH);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        subscribers.forEach(s -> s.emitter().complete());
        subscribers.clear();
    }
}
