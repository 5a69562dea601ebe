package org.openrfid.trace.service.passage;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.openrfid.trace.passage.Passage;
import org.slf4j.LoggerFactory;

/**
 * Fans stored passages out to whoever watches live (the cluster board, the UI's live view, rule
 * consumers), batch by batch in store order. Watchers choose the plain passages or the enriched view
 * (bound object, location name, kind and position).
 */
public final class LivePassages {

    private final List<Consumer<List<Passage>>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<List<EnrichedPassage>>> enrichedListeners = new CopyOnWriteArrayList<>();

    public void subscribe(Consumer<List<Passage>> listener) {
        listeners.add(listener);
    }

    public void subscribeEnriched(Consumer<List<EnrichedPassage>> listener) {
        enrichedListeners.add(listener);
    }

    public void publish(List<EnrichedPassage> passages) {
        for (Consumer<List<EnrichedPassage>> listener : enrichedListeners) {
            tell(listener, passages);
        }
        if (!listeners.isEmpty()) {
            List<Passage> plain = passages.stream().map(EnrichedPassage::passage).toList();
            for (Consumer<List<Passage>> listener : listeners) {
                tell(listener, plain);
            }
        }
    }

    private static <T> void tell(Consumer<List<T>> listener, List<T> batch) {
        try {
            listener.accept(batch);
        } catch (RuntimeException e) {
            // A slow or broken watcher must never hold up storing passages.
            LoggerFactory.getLogger(LivePassages.class).warn("Live passage listener failed: {}", e.toString());
        }
    }
}
