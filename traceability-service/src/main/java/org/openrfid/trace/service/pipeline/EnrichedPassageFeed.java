package org.openrfid.trace.service.pipeline;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.openrfid.trace.service.passage.EnrichedPassage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stored, enriched passage batches for rule consumers, on a bounded Camel queue: a consumer route
 * reads {@code from(EnrichedPassageFeed.ENDPOINT)} and gets one {@code List<EnrichedPassage>} per
 * stored batch, in store order. Nothing is queued while no route consumes it. A consumer that falls
 * {@value #QUEUE_SIZE} batches behind loses the batches that do not fit (counted in
 * {@code rfid_enriched_feed_dropped_total}, logged): storing passages never waits for a rule. What
 * was dropped is in the store.
 */
public final class EnrichedPassageFeed implements Consumer<List<EnrichedPassage>> {

    public static final int QUEUE_SIZE = 10_000;
    /** Use the URI as it is (same options) in {@code from(...)}: a seda queue keeps the size it was made with. */
    public static final String ENDPOINT = "seda:enriched-passages?size=" + QUEUE_SIZE + "&discardIfNoConsumers=true";

    private static final Logger log = LoggerFactory.getLogger(EnrichedPassageFeed.class);

    private final ProducerTemplate producer;
    private final AtomicLong dropped = new AtomicLong();

    public EnrichedPassageFeed(CamelContext camel) {
        this.producer = camel.createProducerTemplate();
    }

    @Override
    public void accept(List<EnrichedPassage> batch) {
        try {
            producer.sendBody(ENDPOINT, batch);
        } catch (RuntimeException e) {
            // A full queue: the rule consumers are behind. Count it, never block the store.
            if (dropped.incrementAndGet() % 1_000 == 1) {
                log.warn("Enriched passage feed is full ({}): dropping batches for rule consumers ({} so far)", e.getMessage(), dropped.get());
            }
        }
    }

    public long dropped() {
        return dropped.get();
    }
}
