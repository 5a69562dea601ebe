package org.openrfid.trace.service.passage.spool;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.openrfid.trace.service.passage.EnrichedPassage;
import org.openrfid.trace.service.enrichment.PassageEnricher;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.service.passage.PassageStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enriches passage batches and writes them to the store, and to the {@link PassageSpool} while the
 * store is away.
 *
 * <p>A batch is enriched ({@link PassageEnricher}: bound objects, location info) right before it is
 * stored. When enrichment or storing fails the batch is spooled, enriched if that part worked; a
 * batch spooled while others wait is spooled as it is, and enriched when it is replayed (so is a
 * batch left by a version without enrichment).
 *
 * <p>While the spool is empty a batch goes straight to the store. When that fails the batch is
 * spooled, and so is every later batch while the spool holds anything, which keeps them in order.
 * A replayer thread retries the oldest spooled batch with back-off (doubling from the first delay
 * up to the maximum) and deletes it once the store took it; when the spool is empty writes go
 * direct again. A full spool blocks {@link #write}, which backs the bounded queues up. A spool left
 * by an earlier run is replayed from {@link #start()}. The store is idempotent on passage id, so a
 * batch whose outcome was unknown (the connection died on commit) is stored once however often it
 * is retried.
 *
 * <p>A batch the store refuses for its contents ({@link PassageStore.RefusedPassagesException}: a value
 * too long for its column, a broken constraint) would fail the same way on every retry and hold up
 * every batch behind it. It is split in halves until the refused passages are alone; the rest is
 * stored, and each refused one is set aside (counted in {@code rfid_store_refused_total}, handed to the
 * set-aside consumer, which files it as a dead letter) — on the direct path and on replay alike.
 *
 * <p>Metrics: {@code rfid_spool_batches}, {@code rfid_spool_bytes}, {@code rfid_spool_replayed_total}
 * (batches), {@code rfid_store_failures_total} (failed store attempts, direct or replayed),
 * {@code rfid_spool_full} (1 while a full spool blocks the route), {@code rfid_spool_full_episodes_total},
 * {@code rfid_spool_corrupt_total}, {@code rfid_spool_out_of_space} (1 while the disk refuses spool writes),
 * {@code rfid_spool_disk_refusals_total}.
 */
public final class SpoolingPassageWriter implements MeterBinder, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SpoolingPassageWriter.class);
    private static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final PassageStore store;
    private final PassageSpool spool;
    private final PassageEnricher enricher;
    private final Consumer<List<EnrichedPassage>> onStored;
    private final BiConsumer<EnrichedPassage, String> setAside;
    private final AtomicLong refusedPassages = new AtomicLong();
    private final long firstDelayMillis;
    private final long maxDelayMillis;
    private final AtomicLong storeFailures = new AtomicLong();
    private final AtomicLong replayedBatches = new AtomicLong();
    private final AtomicLong replayedPassages = new AtomicLong();
    private final Thread replayer;
    private volatile boolean running;
    private long lastFailureLog;

    /**
     * @param onStored told about every batch once the store holds it (live view, per-location counts);
     *                 its failures are logged and never affect storing
     */
    public SpoolingPassageWriter(PassageStore store, PassageSpool spool, Duration firstRetryDelay, Duration maxRetryDelay,
                                 Consumer<List<Passage>> onStored) {
        this(store, spool, firstRetryDelay, maxRetryDelay, PassageEnricher.NONE,
                enriched -> onStored.accept(enriched.stream().map(EnrichedPassage::passage).toList()));
    }

    /**
     * @param enricher enriches each batch before it is stored
     * @param onStored told about every enriched batch once the store holds it (live view, rule
     *                 consumers); its failures are logged and never affect storing
     */
    public SpoolingPassageWriter(PassageStore store, PassageSpool spool, Duration firstRetryDelay, Duration maxRetryDelay,
                                 PassageEnricher enricher, Consumer<List<EnrichedPassage>> onStored) {
        this(store, spool, firstRetryDelay, maxRetryDelay, enricher, onStored, (passage, reason) -> { });
    }

    /**
     * @param setAside told about each passage the store refused for its contents, with the store's reason;
     *                 the passage is not stored (its failures are logged)
     */
    public SpoolingPassageWriter(PassageStore store, PassageSpool spool, Duration firstRetryDelay, Duration maxRetryDelay,
                                 PassageEnricher enricher, Consumer<List<EnrichedPassage>> onStored,
                                 BiConsumer<EnrichedPassage, String> setAside) {
        this.setAside = setAside;
        this.store = store;
        this.spool = spool;
        this.enricher = enricher;
        this.onStored = onStored;
        this.firstDelayMillis = Math.max(1, firstRetryDelay.toMillis());
        this.maxDelayMillis = Math.max(firstDelayMillis, maxRetryDelay.toMillis());
        this.replayer = new Thread(this::replayLoop, "passage-spool-replayer");
        this.replayer.setDaemon(true);
    }

    /** Starts the replayer (a spool left by an earlier run starts replaying now). */
    public synchronized SpoolingPassageWriter start() {
        if (!running) {
            running = true;
            replayer.start();
        }
        return this;
    }

    /**
     * Stores the batch, or spools it. Returns once the batch is in the store or durably spooled;
     * blocks while the spool is full.
     */
    public synchronized void write(List<Passage> passages) throws InterruptedException {
        if (passages == null || passages.isEmpty()) {
            return;
        }
        List<EnrichedPassage> enriched = null;
        if (spool.isEmpty()) {
            try {
                enriched = enricher.enrich(passages);
                storeIsolatingRefused(enriched);
                spool.clearOutOfSpace();
                return;
            } catch (RuntimeException e) {
                storeFailures.incrementAndGet();
                log.warn("{} {} passages failed ({}): spooling to {} until the store is back", enriched == null ? "Enriching" : "Storing",
                        passages.size(), rootMessage(e), spool.directory());
            }
        }
        if (enriched != null) {
            spool.append(enriched, true);
        } else {
            spool.append(passages);
        }
    }

    private void replayLoop() {
        long delay = firstDelayMillis;
        long outageStart = 0;
        while (running) {
            PassageSpool.Batch batch;
            try {
                batch = spool.oldest(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                log.error("Reading the passage spool failed: {}", e.toString());
                if (!sleep(delay)) {
                    break;
                }
                continue;
            }
            if (batch == null) {
                continue;
            }
            List<EnrichedPassage> entries;
            try {
                entries = batch.enriched() ? batch.entries() : enricher.enrich(batch.passages());
                storeIsolatingRefused(entries);
            } catch (RuntimeException e) {
                storeFailures.incrementAndGet();
                long now = System.nanoTime();
                if (outageStart == 0) {
                    outageStart = now;
                }
                if (now - lastFailureLog > LOG_EVERY_NANOS) {
                    lastFailureLog = now;
                    log.warn("Store still unavailable ({}); {} batches ({} bytes) spooled, retrying in {} ms", rootMessage(e),
                            spool.batches(), spool.bytes(), delay);
                }
                if (!sleep(delay)) {
                    break;
                }
                delay = Math.min(delay * 2, maxDelayMillis);
                continue;
            }
            // Listeners were told before the batch leaves the spool, so they hear of batches in order: a
            // direct write (only once the spool is empty) cannot overtake it. A crash in between tells again.
            replayedBatches.incrementAndGet();
            replayedPassages.addAndGet(batch.passages().size());
            spool.remove(batch.sequence());
            delay = firstDelayMillis;
            if (spool.isEmpty()) {
                log.info("Passage spool replayed ({} batches so far{}): writing to the store directly again", replayedBatches.get(),
                        outageStart == 0 ? "" : ", outage " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - outageStart) + " ms");
                outageStart = 0;
            }
        }
    }

    /**
     * Stores the batch and tells the listeners; a batch refused for its contents is halved until each
     * refused passage is alone, and those are set aside. Any other failure propagates (the store is away:
     * retry it whole; what was stored already is stored once, the store being idempotent on passage id).
     */
    private void storeIsolatingRefused(List<EnrichedPassage> batch) {
        try {
            store.saveEnriched(batch);
            stored(batch);
        } catch (PassageStore.RefusedPassagesException refused) {
            if (batch.size() == 1) {
                EnrichedPassage bad = batch.get(0);
                refusedPassages.incrementAndGet();
                log.warn("Store refused passage {} (epc {}, location {}): {}; set aside as a dead letter", bad.passage().id(),
                        abbreviate(bad.passage().epc().toHex()), bad.passage().locationId(), refused.getMessage());
                try {
                    setAside.accept(bad, refused.getMessage());
                } catch (RuntimeException e) {
                    log.warn("Setting aside passage {} failed: {}", bad.passage().id(), e.toString());
                }
                return;
            }
            int half = batch.size() / 2;
            storeIsolatingRefused(batch.subList(0, half));
            storeIsolatingRefused(batch.subList(half, batch.size()));
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void stored(List<EnrichedPassage> passages) {
        try {
            onStored.accept(passages);
        } catch (RuntimeException e) {
            log.warn("Stored-passage listener failed: {}", e.toString());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.toString() : e.getClass().getSimpleName() + ": " + root;
    }

    public PassageSpool spool() {
        return spool;
    }

    public long storeFailures() {
        return storeFailures.get();
    }

    public long replayedBatches() {
        return replayedBatches.get();
    }

    /** Passages the store refused for their contents, set aside. */
    public long refusedPassages() {
        return refusedPassages.get();
    }

    public long replayedPassages() {
        return replayedPassages.get();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("rfid.spool.batches", spool, PassageSpool::batches)
                .description("passage batches spooled to disk while the store is unavailable").register(registry);
        Gauge.builder("rfid.spool.bytes", spool, PassageSpool::bytes)
                .description("bytes of passage batches spooled to disk").register(registry);
        Gauge.builder("rfid.spool.full", spool, s -> s.isBlocked() ? 1 : 0)
                .description("1 while the spool is full and blocks the store route").register(registry);
        FunctionCounter.builder("rfid.spool.full.episodes", spool, PassageSpool::fullEpisodes)
                .description("times the spool filled up and blocked the store route").register(registry);
        Gauge.builder("rfid.spool.out.of.space", spool, s -> s.isOutOfSpace() ? 1 : 0)
                .description("1 while the disk refuses spool writes (out of space) and the store route is held").register(registry);
        FunctionCounter.builder("rfid.spool.disk.refusals", spool, PassageSpool::diskRefusals)
                .description("spool writes the disk refused (out of space or failing)").register(registry);
        FunctionCounter.builder("rfid.spool.corrupt", spool, PassageSpool::corruptBatches)
                .description("spooled batches found torn or corrupt and set aside").register(registry);
        FunctionCounter.builder("rfid.spool.replayed", replayedBatches, AtomicLong::get)
                .description("spooled batches replayed into the store").register(registry);
        FunctionCounter.builder("rfid.store.refused", refusedPassages, AtomicLong::get)
                .description("passages the store refused for their contents (too long, constraint), set aside as dead letters")
                .register(registry);
        FunctionCounter.builder("rfid.store.failures", storeFailures, AtomicLong::get)
                .description("failed attempts to store a passage batch").register(registry);
    }

    /** Stops the replayer; spooled batches stay on disk for the next start. */
    @Override
    public void close() {
        running = false;
        replayer.interrupt();
        try {
            replayer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        spool.close();
    }
}
