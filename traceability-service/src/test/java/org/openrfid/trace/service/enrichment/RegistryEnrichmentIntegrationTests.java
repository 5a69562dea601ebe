package org.openrfid.trace.service.enrichment;

import org.openrfid.trace.service.testsupport.RegistryStores;
import org.openrfid.trace.service.location.LocationInfo;
import org.openrfid.trace.service.passage.EnrichedPassage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.aopalliance.intercept.MethodInterceptor;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.service.location.Location;
import org.openrfid.trace.service.location.Locations;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.Instants;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.passage.PassageId;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.registry.binding.BoundObject;
import org.openrfid.trace.service.registry.binding.NewBinding;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.binding.Tag;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.openrfid.trace.service.testsupport.TestStores;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The enricher over the real registry adapters (H2GIS in memory): the object valid at first-seen
 * time, re-binds, cache invalidation and what reaches the database.
 */
class RegistryEnrichmentIntegrationTests {

    private static final Instant T0 = Instant.parse("2025-06-01T08:00:00Z");
    private static final Instant REBIND = T0.plus(Duration.ofHours(2));
    private static final String EPC = "3074257BF7194E4000001A85";

    private TagBindings rawBindings;
    private TagBindings bindings;
    private Locations locations;
    private BindingCache cache;
    private LocationCache locationCache;
    private RegistryEnricher enricher;
    private final AtomicInteger historyQueries = new AtomicInteger();

    @BeforeEach
    void registry() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:enrich-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/h2").load().migrate();
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        RegistryStores registry = RegistryStores.create(dataSource, tx);
        registry.tags().save(List.of(tag(EPC), tag("3074257BF7194E4000001A86")));
        rawBindings = counting(registry.bindings());
        cache = new BindingCache(rawBindings, 1_000, Duration.ofMinutes(10));
        // What the application wires: changes through the port reach the cache (here without a cluster).
        bindings = new NotifyingTagBindings(rawBindings, change -> cache.invalidate(((RegistryChanged.BindingsChanged) change).epcHex()));
        locationCache = new LocationCache(new TestStores(dataSource, tx, Clock.systemUTC()).locations);
        locations = NotifyingLocations.wrap(new TestStores(dataSource, tx, Clock.systemUTC()).locations, change -> locationCache.refresh());
        enricher = new RegistryEnricher(cache, locationCache);
    }

    private TagBindings counting(TagBindings target) {
        ProxyFactory factory = new ProxyFactory(target);
        factory.addAdvice((MethodInterceptor) invocation -> {
            if (invocation.getMethod().getName().equals("ofTags")) {
                historyQueries.incrementAndGet();
            }
            return invocation.proceed();
        });
        return (TagBindings) factory.getProxy();
    }

    private static Tag tag(String hex) {
        return new Tag(RawEpc.ofHex(hex), null);
    }

    static Passage passage(String epcHex, String location, Instant firstSeen) {
        RawEpc epc = RawEpc.ofHex(epcHex);
        return new Passage(PassageId.of(epc, location, Instants.toMicros(firstSeen)), epc, null, location, "rdr-1", 1,
                firstSeen, firstSeen.plusSeconds(1), 3, -50, Direction.NONE);
    }

    private BoundObject objectAt(Instant t) {
        return enricher.enrich(List.of(passage(EPC, "CP-1", t))).get(0).object();
    }

    @Test
    void aPassageGetsTheObjectBoundAtItsFirstSeenTimeAlsoBeforeARebind() {
        bindings.bind(List.of(new NewBinding(EPC, ObjectKind.VEHICLE, "V-1", T0)));
        bindings.bind(List.of(new NewBinding(EPC, ObjectKind.VEHICLE, "V-2", REBIND)));

        List<EnrichedPassage> enriched = enricher.enrich(List.of(
                passage(EPC, "CP-1", T0.minusSeconds(1)),
                passage(EPC, "CP-1", T0),
                passage(EPC, "CP-1", REBIND.minusMillis(1)),
                passage(EPC, "CP-1", REBIND),
                passage(EPC, "CP-1", REBIND.plus(Duration.ofDays(30)))));

        assertThat(enriched).extracting(EnrichedPassage::object).containsExactly(
                null,
                new BoundObject(ObjectKind.VEHICLE, "V-1"),
                new BoundObject(ObjectKind.VEHICLE, "V-1"),
                new BoundObject(ObjectKind.VEHICLE, "V-2"),
                new BoundObject(ObjectKind.VEHICLE, "V-2"));
        assertThat(historyQueries).as("one tag, one history load").hasValue(1);
    }

    @Test
    void aRebindThroughTheRegistryInvalidatesTheCachedHistory() {
        bindings.bind(List.of(new NewBinding(EPC, ObjectKind.VEHICLE, "V-1", T0)));
        Instant later = REBIND.plusSeconds(60);
        assertThat(objectAt(later)).isEqualTo(new BoundObject(ObjectKind.VEHICLE, "V-1"));

        bindings.bind(List.of(new NewBinding(EPC, ObjectKind.VEHICLE, "V-2", REBIND)));

        assertThat(objectAt(later)).isEqualTo(new BoundObject(ObjectKind.VEHICLE, "V-2"));
        assertThat(objectAt(later.minus(Duration.ofHours(1)))).as("still the old object before the re-bind")
                .isEqualTo(new BoundObject(ObjectKind.VEHICLE, "V-1"));
    }

    @Test
    void movingAnObjectToAnotherTagInvalidatesTheTagThatLostIt() {
        String other = "3074257BF7194E4000001A86";
        bindings.bind(List.of(new NewBinding(EPC, ObjectKind.VEHICLE, "V-1", T0)));
        Instant later = REBIND.plusSeconds(60);
        assertThat(objectAt(later)).isEqualTo(new BoundObject(ObjectKind.VEHICLE, "V-1"));

        bindings.bind(List.of(new NewBinding(other, ObjectKind.VEHICLE, "V-1", REBIND))); // the vehicle got a new tag

        assertThat(objectAt(later)).as("the old tag no longer carries the vehicle").isNull();
    }

    @Test
    void anUnbindThroughTheRegistryInvalidatesTheCachedHistory() {
        bindings.bind(List.of(new NewBinding(EPC, ObjectKind.GOODS, "G-1", T0)));
        assertThat(objectAt(REBIND)).isEqualTo(new BoundObject(ObjectKind.GOODS, "G-1"));

        bindings.unbind(EPC, REBIND.minusSeconds(1));

        assertThat(objectAt(REBIND)).isNull();
    }

    @Test
    void changesBehindTheCachesBackAreNotSeenUntilInvalidated() {
        // The control for the tests above: the cache does answer from memory.
        bindings.bind(List.of(new NewBinding(EPC, ObjectKind.VEHICLE, "V-1", T0)));
        assertThat(objectAt(REBIND)).isEqualTo(new BoundObject(ObjectKind.VEHICLE, "V-1"));

        rawBindings.bind(List.of(new NewBinding(EPC, ObjectKind.VEHICLE, "V-2", REBIND.minusSeconds(5))));

        assertThat(objectAt(REBIND)).isEqualTo(new BoundObject(ObjectKind.VEHICLE, "V-1"));
        cache.invalidateAll();
        assertThat(objectAt(REBIND)).isEqualTo(new BoundObject(ObjectKind.VEHICLE, "V-2"));
    }

    @Test
    void unknownTagsAndLocationsAreEnrichedWithNothingAndCachedAsSuch() {
        List<Passage> batch = List.of(passage("E2801160600002054E4C6A11", "NOWHERE", T0), passage("E2801160600002054E4C6A12", "NOWHERE", T0));

        List<EnrichedPassage> first = enricher.enrich(batch);
        List<EnrichedPassage> again = enricher.enrich(batch);

        assertThat(first).isEqualTo(again).allSatisfy(e -> {
            assertThat(e.object()).isNull();
            assertThat(e.location()).isNull();
        });
        assertThat(historyQueries).as("the misses of a batch in one query, then hits").hasValue(1);
    }

    @Test
    void cacheHitsAskTheDatabaseNothingAndMissesOfABatchGoInOneQuery() {
        bindings.bind(List.of(new NewBinding(EPC, ObjectKind.VEHICLE, "V-1", T0)));
        List<Passage> batch = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            batch.add(passage(String.format("30740000000000%010X", i), "CP-1", T0.plusSeconds(i)));
        }
        batch.add(passage(EPC, "CP-1", REBIND));

        enricher.enrich(batch);
        assertThat(historyQueries).as("one call for 601 misses").hasValue(1);
        enricher.enrich(batch);
        enricher.enrich(List.of(passage(EPC, "CP-9", T0)));

        assertThat(historyQueries).hasValue(1);
    }

    @Test
    void locationsSavedThroughTheRegistryAreKnownAtOnceWithKindAndPosition() {
        assertThat(enricher.enrich(List.of(passage(EPC, "DOCK-1", T0))).get(0).location()).isNull();
        long kinds = locationCache.version();

        locations.save(List.of(new Location("DOCK-1", "Hub dock 1", "dock_door", 29.61, 106.29, null)));

        assertThat(enricher.enrich(List.of(passage(EPC, "DOCK-1", T0))).get(0).location())
                .isEqualTo(new LocationInfo("DOCK-1", "Hub dock 1", "dock_door", 29.61, 106.29));
        assertThat(locationCache.kindOf("DOCK-1")).isEqualTo("dock_door");
        assertThat(locationCache.version()).as("the smoother hears that kinds changed").isGreaterThan(kinds);
        locations.save(List.of(new Location("DOCK-1", "Hub dock one", "dock_door", 29.61, 106.29, null)));
        assertThat(locationCache.find("DOCK-1").name()).isEqualTo("Hub dock one");
    }
}
