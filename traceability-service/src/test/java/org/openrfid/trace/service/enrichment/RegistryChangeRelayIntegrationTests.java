package org.openrfid.trace.service.enrichment;

import org.openrfid.trace.service.testsupport.RegistryStores;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.service.location.Location;
import org.openrfid.trace.service.location.Locations;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.registry.binding.BoundObject;
import org.openrfid.trace.service.registry.binding.NewBinding;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.binding.Tag;
import org.openrfid.trace.service.registry.binding.TagBindings;
import org.openrfid.trace.service.testsupport.TestStores;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two cluster members over one registry database: a re-bind or a location saved on one member
 * reaches the other member's caches through the Hazelcast topic.
 */
class RegistryChangeRelayIntegrationTests {

    private static final Instant T0 = Instant.parse("2025-06-01T08:00:00Z");
    private static final String EPC = "3074257BF7194E4000001A85";

    private HazelcastInstance first;
    private HazelcastInstance second;

    @AfterEach
    void stop() {
        for (HazelcastInstance hz : new HazelcastInstance[] {second, first}) {
            if (hz != null) {
                hz.shutdown();
            }
        }
    }

    /** One member's view: its own caches and relay. */
    record Member(BindingCache bindings, LocationCache locations, RegistryChangeRelay relay, RegistryEnricher enricher) {
    }

    @Test
    void aChangeOnOneMemberInvalidatesTheOtherMembersCaches() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:relay-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/h2").load().migrate();
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        RegistryStores registry = RegistryStores.create(dataSource, tx);
        Locations locationStore = new TestStores(dataSource, tx, Clock.systemUTC()).locations;
        registry.tags().save(List.of(new Tag(RawEpc.ofHex(EPC), null)));

        String cluster = "relay-" + UUID.randomUUID();
        int port = 16_000 + ThreadLocalRandom.current().nextInt(20_000);
        first = member(cluster, port);
        second = member(cluster, port);
        await().atMost(Duration.ofSeconds(30)).until(() -> first.getCluster().getMembers().size() == 2);
        Member a = view(first, registry.bindings(), locationStore);
        Member b = view(second, registry.bindings(), locationStore);
        // A's binding port tells its relay, as the application's event listener does after commit.
        TagBindings bindingsOnA = new NotifyingTagBindings(registry.bindings(), a.relay()::changed);
        Locations locationsOnA = NotifyingLocations.wrap(locationStore, a.relay()::changed);

        bindingsOnA.bind(List.of(new NewBinding(EPC, ObjectKind.VEHICLE, "V-1", T0)));
        Instant later = T0.plus(Duration.ofDays(1));
        assertThat(objectAt(b, later)).isEqualTo(new BoundObject(ObjectKind.VEHICLE, "V-1")); // now cached on B
        bindingsOnA.bind(List.of(new NewBinding(EPC, ObjectKind.VEHICLE, "V-2", later.minusSeconds(60))));

        await().atMost(Duration.ofSeconds(10)).until(() -> new BoundObject(ObjectKind.VEHICLE, "V-2").equals(objectAt(b, later)));
        assertThat(objectAt(a, later)).isEqualTo(new BoundObject(ObjectKind.VEHICLE, "V-2"));

        locationsOnA.save(List.of(new Location("DOCK-7", "Dock 7", "dock_door", 29.6, 106.3, null)));
        await().atMost(Duration.ofSeconds(10)).until(() -> "dock_door".equals(b.locations().kindOf("DOCK-7")));
    }

    private static BoundObject objectAt(Member m, Instant t) {
        return m.enricher().enrich(List.of(RegistryEnrichmentIntegrationTests.passage(EPC, "CP-1", t))).get(0).object();
    }

    private static Member view(HazelcastInstance hz, TagBindings bindings, Locations locations) {
        BindingCache cache = new BindingCache(bindings, 1_000, Duration.ofMinutes(10));
        LocationCache locationCache = new LocationCache(locations);
        locationCache.refresh();
        return new Member(cache, locationCache, new RegistryChangeRelay(hz, cache, locationCache), new RegistryEnricher(cache, locationCache));
    }

    private static HazelcastInstance member(String cluster, int basePort) {
        Config config = new Config();
        config.setClusterName(cluster);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.getNetworkConfig().setPort(basePort).setPortAutoIncrement(true).setPortCount(10);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        config.setProperty("hazelcast.local.localAddress", "127.0.0.1");
        var join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1:" + basePort).addMember("127.0.0.1:" + (basePort + 1));
        return Hazelcast.newHazelcastInstance(config);
    }
}
