package org.openrfid.trace.service.anpr;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/** Fans accepted (stored) plate reads out to the rule engine, batch by batch; a failing listener never fails ingest. */
public final class PlateReadFeed {

    private final List<Consumer<List<PlateRead>>> listeners = new CopyOnWriteArrayList<>();

    public void subscribe(Consumer<List<PlateRead>> listener) {
        listeners.add(listener);
    }

    public void publish(List<PlateRead> reads) {
        for (Consumer<List<PlateRead>> listener : listeners) {
            try {
                listener.accept(reads);
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(PlateReadFeed.class).warn("Plate read listener failed: {}", e.toString());
            }
        }
    }
}
