package org.openrfid.trace.service.anpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.service.ingest.DeadLetters;
import org.openrfid.trace.service.privacy.Scope;

class PlateIngestUnitTests {

    static final String READ = "{\"cameraId\":\"cam-7\",\"location\":\"CP-1\",\"plate\":\"渝A12345\",\"timestamp\":\"2026-11-24T08:00:00Z\"}";

    final Map<Long, PlateRead> stored = new LinkedHashMap<>();
    boolean storeDown;
    final PlateReads store = new PlateReads() {
        @Override
        public List<PlateRead> saveAll(Collection<PlateRead> reads) {
            if (storeDown) {
                throw new IllegalStateException("database down");
            }
            List<PlateRead> fresh = new ArrayList<>();
            reads.forEach(r -> {
                if (stored.putIfAbsent(r.id(), r) == null) {
                    fresh.add(r);
                }
            });
            return fresh;
        }

        @Override
        public List<PlateRead> find(PlateReadQuery query, Scope scope, PageKey after, int limit) {
            return List.copyOf(stored.values());
        }

        @Override
        public long deleteOlderThan(Instant cutoff, Instant watchlistedCutoff, Instant now) {
            return 0;
        }
    };
    final List<List<PlateRead>> fed = new ArrayList<>();
    final DeadLetters deadLetters = new DeadLetters(10, Clock.systemUTC(), new SimpleMeterRegistry());
    final PlateIngest ingest = ingest(3);

    PlateIngest ingest(int max) {
        PlateReadFeed feed = new PlateReadFeed();
        feed.subscribe(fed::add);
        return new PlateIngest(new PlateReadJson(new ObjectMapper()), store, feed, deadLetters, Clock.systemUTC(), max, new SimpleMeterRegistry());
    }

    @Test
    void refusesAPayloadOfTheWrongShapeWithoutInventingAField() {
        PlateIngest.Result r = ingest.ingest("\"just text\"", "http", null);
        assertThat(r.acceptedNothing()).isTrue();
        assertThat(r.refused()).singleElement().satisfies(f -> {
            assertThat(f.reason()).isEqualTo("unknown_format");
            assertThat(f.field()).isNull();
        });
        assertThat(ingest.ingest("{\"reads\":7}", "http", null).refused().get(0).field()).isEqualTo("reads");
        assertThat(deadLetters.newest(5)).hasSize(2);
    }

    @Test
    void refusesTooManyReadsInOnePayload() {
        String four = "{\"reads\":[" + String.join(",", READ, READ, READ, READ) + "]}";
        PlateIngest.Result r = ingest.ingest(four, "http", null);
        assertThat(r.refused()).singleElement().satisfies(f -> assertThat(f.reason()).isEqualTo("too_large"));
        assertThat(stored).isEmpty();
    }

    @Test
    void aFailingStoreAcceptsNothingAndFeedsNothing() {
        storeDown = true;
        assertThatThrownBy(() -> ingest.ingest(READ, "http", null)).hasMessageContaining("database down");
        assertThat(fed).isEmpty();
        storeDown = false;
        assertThat(ingest.ingest(READ, "http", null).stored()).as("the retry stores it").isEqualTo(1);
        assertThat(fed).hasSize(1);
    }
}
