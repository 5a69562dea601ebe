package org.openrfid.trace.service.passage.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openrfid.trace.service.passage.spool.PassageSpoolUnitTests.batch;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openrfid.trace.service.passage.EnrichedPassage;
import org.openrfid.trace.service.enrichment.PassageEnricher;
import org.openrfid.trace.service.registry.binding.BoundObject;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.service.passage.PassageStore;

class SpoolingPassageWriterUnitTests {

    @TempDir
    Path dir;

    /** An idempotent in-memory store that can be switched off. */
    static final class SwitchableStore implements PassageStore {
        final Map<String, Passage> byId = new LinkedHashMap<>();
        final Map<String, EnrichedPassage> enrichedById = new LinkedHashMap<>();
        final List<String> order = new ArrayList<>();
        volatile boolean down;

        @Override
        public synchronized int saveEnriched(Collection<EnrichedPassage> passages) {
            if (down) {
                throw new IllegalStateException("database away");
            }
            int n = 0;
            for (EnrichedPassage e : passages) {
                if (byId.putIfAbsent(e.passage().id(), e.passage()) == null) {
                    enrichedById.put(e.passage().id(), e);
                    order.add(e.passage().id());
                    n++;
                }
            }
            return n;
        }

        @Override
        public synchronized Optional<EnrichedPassage> findEnriched(String id) {
            return Optional.ofNullable(enrichedById.get(id));
        }

        @Override
        public List<Passage> latest(org.openrfid.trace.service.privacy.Scope scope, int limit) {
            return List.of();
        }

        @Override
        public Optional<Passage> find(String id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public synchronized long count() {
            return byId.size();
        }
    }

    @Test
    void failedBatchesAreSpooledAndReplayedInOrderThenWritesGoDirect() throws Exception {
        SwitchableStore store = new SwitchableStore();
        List<Passage> published = new CopyOnWriteArrayList<>();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (SpoolingPassageWriter writer = new SpoolingPassageWriter(store, new PassageSpool(dir, 10_000_000),
                Duration.ofMillis(10), Duration.ofMillis(40), published::addAll).start()) {
            writer.bindTo(registry);
            writer.write(batch(0, 10));
            store.down = true;
            writer.write(batch(10, 10));
            writer.write(batch(20, 10));
            assertThat(writer.spool().batches()).isEqualTo(2);
            assertThat(registry.get("rfid.spool.batches").gauge().value()).isEqualTo(2);
            assertThat(registry.get("rfid.spool.bytes").gauge().value()).isPositive();
            store.down = false;
            writer.write(batch(30, 10)); // the spool is not empty yet: this one queues behind
            awaitReplayed(writer);
            writer.write(batch(40, 10)); // direct again

            assertThat(store.order).containsExactlyElementsOf(batch(0, 50).stream().map(Passage::id).toList());
            assertThat(published).isEqualTo(batch(0, 50));
            assertThat(writer.replayedBatches()).isEqualTo(3);
            assertThat(registry.get("rfid.spool.replayed").functionCounter().count()).isEqualTo(3);
            assertThat(registry.get("rfid.store.failures").functionCounter().count()).isGreaterThanOrEqualTo(1);
            assertThat(registry.get("rfid.spool.batches").gauge().value()).isZero();
        }
    }

    @Test
    void aSpoolLeftByAnEarlierRunIsReplayedAtStart() throws Exception {
        try (PassageSpool left = new PassageSpool(dir, 10_000_000)) {
            left.append(batch(0, 10));
            left.append(batch(10, 10));
        }
        SwitchableStore store = new SwitchableStore();
        try (SpoolingPassageWriter writer = new SpoolingPassageWriter(store, new PassageSpool(dir, 10_000_000),
                Duration.ofMillis(10), Duration.ofMillis(40), p -> { }).start()) {
            writer.write(batch(20, 10)); // behind the leftovers
            awaitReplayed(writer);
            assertThat(store.order).containsExactlyElementsOf(batch(0, 30).stream().map(Passage::id).toList());
        }
    }

    /** Binds every passage to a vehicle named after its EPC; fails while {@code down}. */
    static final class FlakyEnricher implements PassageEnricher {
        volatile boolean down;
        final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public List<EnrichedPassage> enrich(List<Passage> passages) {
            calls.incrementAndGet();
            if (down) {
                throw new IllegalStateException("registry away");
            }
            return passages.stream().map(p -> new EnrichedPassage(p, new BoundObject(ObjectKind.VEHICLE, "V-" + p.epc().toHex()), null))
                    .toList();
        }
    }

    @Test
    void batchesSpooledBeforeTheyCouldBeEnrichedAreEnrichedOnReplay() throws Exception {
        SwitchableStore store = new SwitchableStore();
        FlakyEnricher enricher = new FlakyEnricher();
        List<EnrichedPassage> published = new CopyOnWriteArrayList<>();
        try (SpoolingPassageWriter writer = new SpoolingPassageWriter(store, new PassageSpool(dir, 10_000_000),
                Duration.ofMillis(10), Duration.ofMillis(40), enricher, published::addAll).start()) {
            store.down = true;
            writer.write(batch(0, 5)); // enriched, then the store fails: spooled enriched
            enricher.down = true;
            writer.write(batch(5, 5)); // spooled as it is, behind the first
            assertThat(writer.spool().batches()).isEqualTo(2);
            int callsWhileDown = enricher.calls.get();
            enricher.down = false;
            store.down = false;
            awaitReplayed(writer);

            assertThat(store.order).containsExactlyElementsOf(batch(0, 10).stream().map(Passage::id).toList());
            for (Passage p : batch(0, 10)) {
                assertThat(store.findEnriched(p.id())).hasValueSatisfying(e ->
                        assertThat(e.object()).isEqualTo(new BoundObject(ObjectKind.VEHICLE, "V-" + p.epc().toHex())));
            }
            assertThat(published).extracting(EnrichedPassage::passage).containsExactlyElementsOf(batch(0, 10));
            assertThat(enricher.calls.get()).as("only the batch spooled bare is enriched again").isEqualTo(callsWhileDown + 1);
        }
    }

    @Test
    void aSpoolFileFromBeforeEnrichmentIsEnrichedWhenReplayed() throws Exception {
        byte[] v1 = java.util.Objects.requireNonNull(getClass().getResourceAsStream("/spool/v1-batch.bin")).readAllBytes();
        java.nio.file.Files.write(dir.resolve("00000000000000000000.batch"), v1);
        SwitchableStore store = new SwitchableStore();
        try (SpoolingPassageWriter writer = new SpoolingPassageWriter(store, new PassageSpool(dir, 10_000_000),
                Duration.ofMillis(10), Duration.ofMillis(40), new FlakyEnricher(), p -> { }).start()) {
            awaitReplayed(writer);

            assertThat(store.enrichedById.values()).hasSize(2).allSatisfy(e -> assertThat(e.object()).isEqualTo(
                    new BoundObject(ObjectKind.VEHICLE, "V-" + e.passage().epc().toHex())));
            assertThat(store.enrichedById.values()).extracting(e -> e.passage().lane()).containsExactly(3, 0);
        }
    }

    /** Waits until the replayer has emptied the spool; fails the test after 10 s. */
    private static void awaitReplayed(SpoolingPassageWriter writer) {
        await("spool replayed").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5)).until(writer.spool()::isEmpty);
    }
}
