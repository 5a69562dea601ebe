package org.openrfid.trace.passages;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.openrfid.trace.passage.Passage;

/** Fans stored passages out to whoever watches live (the cluster board, the UI's live view). */
public final class LivePassages {

    private final List<Consumer<List<Passage>>> listeners = new CopyOnWriteArrayList<>();

    public void subscribe(Consumer<List<Passage>> listener) {
        listeners.add(listener);
    }

    void publish(List<Passage> passages) {
        for (Consumer<List<Passage>> listener : listeners) {
            try {
                listener.accept(passages);
            } catch (RuntimeException e) {
                // A slow or broken watcher must never hold up storing passages.
                org.slf4j.LoggerFactory.getLogger(LivePassages.class).warn("Live passage listener failed: {}", e.toString());
            }
        }
    }
}
