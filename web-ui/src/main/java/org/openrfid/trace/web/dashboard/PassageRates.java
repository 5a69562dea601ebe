package org.openrfid.trace.web.dashboard;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Passages per minute by kind, over the last minute, from the live feed itself (no query): twelve
 * five-second buckets per kind, the oldest reused as time moves on.
 */
public class PassageRates {

    private static final int BUCKETS = 12;
    private static final long BUCKET_MS = 5_000;

    private final Clock clock;
    private final Map<String, Window> byKind = new ConcurrentHashMap<>();

    public PassageRates(Clock clock) {
        this.clock = clock;
    }

    void count(List<PassageRow> rows) {
        long now = clock.millis();
        for (PassageRow r : rows) {
            byKind.computeIfAbsent(r.kind(), k -> new Window()).add(now);
        }
    }

    /** Passages in the last minute by kind, kinds in name order, only those with any. */
    public Map<String, Long> lastMinute() {
        long now = clock.millis();
        Map<String, Long> out = new TreeMap<>();
        byKind.forEach((kind, w) -> {
            long n = w.sum(now);
            if (n > 0) {
                out.put(kind, n);
            }
        });
        return out;
    }

    private static final class Window {
        private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
        private final AtomicLongArray slots = new AtomicLongArray(BUCKETS);

        void add(long now) {
            long slot = now / BUCKET_MS;
            int i = (int) (slot % BUCKETS);
            if (slots.get(i) != slot) {
                synchronized (this) {
                    if (slots.get(i) != slot) {
                        counts.set(i, 0);
                        slots.set(i, slot);
                    }
                }
            }
            counts.incrementAndGet(i);
        }

        long sum(long now) {
            long current = now / BUCKET_MS;
            long total = 0;
            for (int i = 0; i < BUCKETS; i++) {
                if (current - slots.get(i) < BUCKETS) {
                    total += counts.get(i);
                }
            }
            return total;
        }
    }
}
