package org.openrfid.trace.service.enrichment;

import org.openrfid.trace.service.testsupport.RegistryStores;
import org.openrfid.trace.service.passage.EnrichedPassage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.openrfid.trace.service.location.Location;
import org.openrfid.trace.service.location.Locations;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.registry.binding.NewBinding;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.binding.Tag;
import org.openrfid.trace.service.testsupport.TestStores;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What enrichment costs per passage: the cache-hit path (every tag's history and every location in
 * memory, the steady state) and, for comparison, a batch of misses (one query for the batch). 20,000
 * tags, two thirds bound (half of those re-bound once), 500 locations, batches of 500 passages, over
 * H2GIS in memory. A plain main, not JMH: run it on a quiet machine and read the spread.
 *
 * <pre>
 * ./mvnw -o -q -pl traceability-service -am test-compile
 * ./mvnw -o -q -pl traceability-service dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp traceability-service/target/classes:traceability-service/target/test-classes:$(cat /tmp/cp.txt) \
 *   org.openrfid.trace.service.enrichment.EnrichmentBenchmark
 * </pre>
 */
public final class EnrichmentBenchmark {

    private static final int TAGS = 20_000;
    private static final int LOCATIONS = 500;
    private static final int BATCH = 500;
    private static final Instant T0 = Instant.parse("2025-06-01T00:00:00Z");

    public static void main(String[] args) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/h2").load().migrate();
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        RegistryStores registry = RegistryStores.create(dataSource, tx);
        Locations locations = new TestStores(dataSource, tx, Clock.systemUTC()).locations;

        List<Location> places = new ArrayList<>();
        for (int l = 0; l < LOCATIONS; l++) {
            places.add(new Location("L-" + l, "Location " + l, l % 5 == 0 ? "dock_door" : "checkpoint", 29 + l * 1e-3, 106 + l * 1e-3, null));
        }
        locations.save(places);
        List<Tag> tags = new ArrayList<>();
        List<NewBinding> first = new ArrayList<>();
        List<NewBinding> rebinds = new ArrayList<>();
        for (int i = 0; i < TAGS; i++) {
            String hex = epc(i).toHex();
            tags.add(new Tag(epc(i), null));
            if (i % 3 != 0) {
                first.add(new NewBinding(hex, ObjectKind.VEHICLE, "V-" + i, T0));
                if (i % 2 == 0) {
                    rebinds.add(new NewBinding(hex, ObjectKind.VEHICLE, "W-" + i, T0.plus(Duration.ofDays(1))));
                }
            }
        }
        registry.tags().save(tags);
        registry.bindings().bind(first);
        registry.bindings().bind(rebinds);

        BindingCache cache = new BindingCache(registry.bindings(), 100_000, Duration.ofMinutes(10));
        LocationCache locationCache = new LocationCache(locations);
        locationCache.refresh();
        RegistryEnricher enricher = new RegistryEnricher(cache, locationCache);

        List<List<Passage>> batches = new ArrayList<>();
        for (int b = 0; b < TAGS / BATCH; b++) {
            List<Passage> batch = new ArrayList<>(BATCH);
            for (int i = b * BATCH; i < (b + 1) * BATCH; i++) {
                Instant t = T0.plus(Duration.ofHours(i % 48));
                batch.add(RegistryEnrichmentIntegrationTests.passage(epc(i).toHex(), "L-" + (i % LOCATIONS), t));
            }
            batches.add(batch);
        }

        long missStart = System.nanoTime();
        for (List<Passage> batch : batches) {
            enricher.enrich(batch); // every tag a miss: one history query per batch
        }
        double missNsPerPassage = (System.nanoTime() - missStart) / (double) TAGS;

        long sink = 0;
        int rounds = 15;
        int passes = 50; // 50 × 20,000 = 1 M passages per round
        double[] nsPerPassage = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            for (int p = 0; p < passes; p++) {
                for (List<Passage> batch : batches) {
                    for (EnrichedPassage e : enricher.enrich(batch)) {
                        sink += e.object() == null ? 1 : e.object().id().length();
                    }
                }
            }
            nsPerPassage[r] = (System.nanoTime() - start) / (double) (passes * TAGS);
        }
        double[] measured = Arrays.copyOfRange(nsPerPassage, 5, rounds); // the first 5 rounds warm the JIT up
        Arrays.sort(measured);
        System.out.printf("cache hits: median %.0f ns/passage (min %.0f, max %.0f over %d rounds of 1 M), %.2f M passages/s per thread%n",
                measured[measured.length / 2], measured[0], measured[measured.length - 1], measured.length,
                1_000.0 / measured[measured.length / 2]);
        System.out.printf("cache misses (cold, one query per batch of %d, H2 in memory): %.0f ns/passage%n", BATCH, missNsPerPassage);
        System.out.println("checksum " + sink);
    }

    private static RawEpc epc(int i) {
        return RawEpc.ofHex(String.format("30740000000000%010X", i));
    }
}
