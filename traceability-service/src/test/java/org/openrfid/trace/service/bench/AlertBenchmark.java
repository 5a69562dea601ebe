package org.openrfid.trace.service.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.passage.PassageId;
import org.openrfid.trace.pipeline.SmoothingStage.TagArrival;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.alert.Alert;
import org.openrfid.trace.service.alert.AlertEvent;
import org.openrfid.trace.service.alert.AlertService;
import org.openrfid.trace.service.alert.AlertStream;
import org.openrfid.trace.service.alert.Alerts;
import org.openrfid.trace.service.alert.engine.RuleEngine;
import org.openrfid.trace.service.alert.jdbc.AlertStoreConfiguration;
import org.openrfid.trace.service.alert.rule.Rule;
import org.openrfid.trace.service.alert.rule.RuleDefinition;
import org.openrfid.trace.service.alert.rule.RuleDefinitions;
import org.openrfid.trace.service.alert.rule.RuleFactory;
import org.openrfid.trace.passage.ReadPointDirectory;
import org.openrfid.trace.service.alert.rules.ClusterSightings;
import org.openrfid.trace.service.alert.rules.GateDirections;
import org.openrfid.trace.service.alert.rules.LocationParents;
import org.openrfid.trace.service.alert.rules.VehicleLookup;
import org.openrfid.trace.service.alert.rules.category.CategoryRestrictionRuleFactory;
import org.openrfid.trace.service.alert.rules.clone.ImpossibleTravelRuleFactory;
import org.openrfid.trace.service.alert.rules.customs.CustomsHoldExitRuleFactory;
import org.openrfid.trace.service.alert.rules.customs.CustomsHolds;
import org.openrfid.trace.service.alert.rules.fleet.AntennaSilentRuleFactory;
import org.openrfid.trace.service.alert.rules.fleet.HeldReaders;
import org.openrfid.trace.service.alert.rules.fleet.ReaderDownRuleFactory;
import org.openrfid.trace.service.alert.rules.library.UncheckedExitRuleFactory;
import org.openrfid.trace.service.alert.rules.plate.PlateRules;
import org.openrfid.trace.service.alert.rules.speed.SectionSpeedRuleFactory;
import org.openrfid.trace.service.alert.rules.tid.TidMismatchRules;
import org.openrfid.trace.service.registry.library.jdbc.LibraryStoreConfiguration;
import org.openrfid.trace.service.road.RoadLink;
import org.openrfid.trace.service.road.RoadNetwork;
import org.openrfid.trace.service.alert.rules.watchlist.WatchlistIndex;
import org.openrfid.trace.service.alert.rules.watchlist.WatchlistRules;
import org.openrfid.trace.service.enrichment.LocationCache;
import org.openrfid.trace.service.location.Location;
import org.openrfid.trace.service.location.LocationInfo;
import org.openrfid.trace.service.location.Locations;
import org.openrfid.trace.service.location.jdbc.LocationStoreConfiguration;
import org.openrfid.trace.service.passage.EnrichedPassage;
import org.openrfid.trace.service.registry.binding.BoundObject;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.binding.jdbc.BindingStoreConfiguration;
import org.openrfid.trace.service.registry.vehicle.jdbc.VehicleStoreConfiguration;
import org.openrfid.trace.service.registry.watchlist.jdbc.JdbcWatchlist;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the rules cost and how fast an alert is seen, over H2GIS in memory with a 1 M-entry watchlist:
 * <ol>
 *   <li>rule throughput: every default rule over stored passages on one thread, as the engine's
 *       thread runs them (2 % of the objects listed, so most passages are the common case: nothing);</li>
 *   <li>latency: arrivals at 1,000 passages/s through the running engine, a watchlisted one every
 *       20 ms; from handing the arrival to the engine to the alert reaching an {@link AlertStream}
 *       subscriber (store, event log and the stream's poll included), p50/p99/p99.9.</li>
 * </ol>
 * A plain main, not JMH:
 * <pre>
 * ./mvnw -o -q -pl traceability-service -am test-compile
 * ./mvnw -o -q -pl traceability-service dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -Xmx4g -cp traceability-service/target/classes:traceability-service/target/test-classes:$(cat /tmp/cp.txt) \
 *   org.openrfid.trace.service.bench.AlertBenchmark [watchlistEntries] [latencySeconds]
 * </pre>
 */
public final class AlertBenchmark {

    private static final int LOCATIONS = 200;
    private static final Instant T0 = Instant.parse("2026-11-24T00:00:00Z");

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int latencySeconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:alert-bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/h2").load().migrate();
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

        Locations locations = LocationStoreConfiguration.createLocations(ds, tx);
        List<Location> places = new ArrayList<>();
        for (int l = 0; l < LOCATIONS; l++) {
            places.add(new Location("CP-" + l, "Checkpoint " + l, "checkpoint", 29.4 + l * 1e-3, 106.4 + l * 1e-3, null));
        }
        locations.save(places);
        LocationCache locationCache = new LocationCache(locations);
        locationCache.refresh();

        long t = System.nanoTime();
        fillWatchlist(ds, entries);
        System.out.printf("watchlist: %,d entries inserted in %.1f s%n", entries, (System.nanoTime() - t) / 1e9);
        System.gc();
        long heapBefore = usedHeap();
        t = System.nanoTime();
        WatchlistIndex index = new WatchlistIndex(new JdbcWatchlist(new JdbcTemplate(ds), tx), Duration.ofMillis(500));
        index.loadNow();
        System.gc();
        System.out.printf("watchlist index: %,d entries loaded in %.1f s, %.0f MB heap (%.0f B/entry)%n", index.size(),
                (System.nanoTime() - t) / 1e9, (usedHeap() - heapBefore) / 1e6, (usedHeap() - heapBefore) / (double) Math.max(1, entries));
        index.start();

        List<RuleFactory> factories = factories(ds, tx, index, locationCache);
        List<RuleDefinition> defaults = new ArrayList<>();
        factories.forEach(f -> defaults.addAll(f.defaults()));
        System.out.printf("rules: %s%n", defaults.stream().map(d -> d.id() + " (" + d.type() + ")").toList());

        throughput(factories, defaults, entries, locationCache);
        latency(ds, tx, json, factories, entries, latencySeconds, locationCache);
        index.close();
    }

    /**
     * Every rule factory the service wires, as {@code RuleCatalogueConfiguration} makes them, over the
     * same stores; two stand-ins: no reader is held (no reader rules to tick) and the cluster's last-seen
     * board is empty (a single node; in a cluster the clone and section-speed rules also read it per passage).
     */
    static List<RuleFactory> factories(DataSource ds, TransactionTemplate tx, WatchlistIndex index, LocationCache locations) {
        var vehicles = VehicleStoreConfiguration.createVehicles(ds, tx);
        var tags = BindingStoreConfiguration.createTags(ds, tx);
        var bindings = BindingStoreConfiguration.createTagBindings(ds, tx);
        var places = LocationStoreConfiguration.createLocations(ds, tx);
        VehicleLookup lookup = VehicleLookup.cached(vehicles, 100_000, Duration.ofMinutes(10));
        LocationParents parents = LocationParents.cached(places, 20_000, Duration.ofMinutes(5));
        GateDirections directions = new GateDirections(new ReadPointDirectory());
        HeldReaders none = new HeldReaders() {
            @Override
            public java.util.Collection<org.openrfid.trace.reader.ReaderStatus> statuses() {
                return List.of();
            }

            @Override
            public LocationInfo locationOf(String readerId, int antenna) {
                return null;
            }
        };
        ClusterSightings single = (epc, bits) -> java.util.Optional.empty();
        List<RoadLink> links = new ArrayList<>();
        for (int l = 1; l < LOCATIONS; l++) {
            links.add(new RoadLink("CP-" + (l - 1), "CP-" + l, 2_000));
        }
        RoadNetwork network = RoadNetwork.of(links);
        List<RuleFactory> all = new ArrayList<>(List.of(new WatchlistRules(index, locations, vehicles), new TidMismatchRules(tags, vehicles, 1_000_000),
                new ImpossibleTravelRuleFactory(network, parents, lookup, single), new SectionSpeedRuleFactory(network, parents, lookup, single),
                new CategoryRestrictionRuleFactory(parents, lookup),
                new UncheckedExitRuleFactory(LibraryStoreConfiguration.createLibraryItems(ds, tx), directions),
                new CustomsHoldExitRuleFactory(CustomsHolds.from(index::activeForHex), directions),
                new ReaderDownRuleFactory(none), new AntennaSilentRuleFactory(none)));
        all.addAll(PlateRules.both(vehicles, bindings, Clock.systemUTC()));
        return all;
    }

    private static void throughput(List<RuleFactory> factories, List<RuleDefinition> defaults, int entries, LocationCache locations) {
        List<Rule> rules = new ArrayList<>();
        for (RuleDefinition d : defaults) {
            rules.add(factories.stream().filter(f -> f.type() == d.type()).findFirst().orElseThrow().create(d));
        }
        int objects = 200_000;
        int n = 1_000_000;
        EnrichedPassage[] passages = new EnrichedPassage[n];
        for (int i = 0; i < n; i++) {
            // 2 % of the objects are listed (the listed ones are objects 0..entries-1 at stride 50)
            int o = (i * 7919) % objects;
            passages[i] = passage(o, "CP-" + (i % LOCATIONS), T0.plusMillis(i * 3L), locations);
        }
        long[] raised = {0};
        int rounds = 8;
        double[] rate = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            for (Rule rule : rules) {
                for (EnrichedPassage p : passages) {
                    rule.onPassage(p, c -> raised[0]++);
                }
            }
            rate[r] = n / ((System.nanoTime() - start) / 1e9);
        }
        double[] measured = Arrays.copyOfRange(rate, 3, rounds);
        Arrays.sort(measured);
        System.out.printf("rule throughput, %d default rules, one thread: median %.2f M passages/s (min %.2f, max %.2f over %d rounds of 1 M); %d candidates%n",
                rules.size(), measured[measured.length / 2] / 1e6, measured[0] / 1e6, measured[measured.length - 1] / 1e6, measured.length,
                raised[0]);
    }

    private static void latency(DataSource ds, TransactionTemplate tx, ObjectMapper json, List<RuleFactory> factories, int entries,
                                int seconds, LocationCache locations) throws Exception {
        Alerts alerts = AlertStoreConfiguration.createAlerts(ds, tx, json);
        RuleDefinitions definitions = AlertStoreConfiguration.createRuleDefinitions(ds, tx, json, Clock.systemUTC());
        AlertService service = new AlertService(alerts, Clock.systemUTC(), new SimpleMeterRegistry());
        RuleEngine engine = new RuleEngine(factories, definitions, service, Clock.systemUTC(), 10_000, new SimpleMeterRegistry()).start();
        AlertStream stream = new AlertStream(alerts, 200);
        service.subscribe(e -> stream.wake()); // as AlertConfiguration wires it
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        int expected = seconds * 50;
        CountDownLatch done = new CountDownLatch(expected);
        stream.subscribe(new AlertStream.Subscriber() {
            @Override
            public Predicate<Alert> visible() {
                return a -> true;
            }

            @Override
            public boolean send(AlertEvent event) {
                Long at = sentAt.remove(event.alert().epc());
                if (at != null && event.kind() == AlertEvent.Kind.RAISED) {
                    latencies.add(System.nanoTime() - at);
                    done.countDown();
                }
                return true;
            }
        }, -1);
        Thread.sleep(500);
        long start = System.nanoTime();
        int listed = 0;
        int warmUp = 3_000; // the first 3 s warm the JIT up and are not measured
        for (int i = 0; i < warmUp + seconds * 1_000; i++) {
            long due = start + i * 1_000_000L;
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            boolean alerting = i % 20 == 0; // each a different listed object, so none is debounced
            // listed objects are 0, 50, 100, ...; each alerting arrival a different one, so none is debounced
            int object = alerting ? listed++ * 50 : 1 + (i % 49);
            String epc = epc(object).toHex();
            if (alerting && i >= warmUp) {
                sentAt.put(epc, System.nanoTime());
            }
            engine.arrivals(List.of(new TagArrival(epc(object), "CP-" + (i % LOCATIONS), "rdr", Instant.now())));
        }
        done.await(30, TimeUnit.SECONDS);
        long[] ns = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("latency, arrival at the engine → alert at an SSE subscriber, 1,000 passages/s, 50 alerts/s for %d s: "
                        + "p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms (%d of %d alerts seen)%n", seconds,
                pct(ns, 0.50), pct(ns, 0.99), pct(ns, 0.999), ns.length == 0 ? 0 : ns[ns.length - 1] / 1e6, ns.length, expected);
        engine.close();
        stream.close();
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static EnrichedPassage passage(int object, String location, Instant at, LocationCache locations) {
        RawEpc epc = epc(object);
        Passage p = new Passage(PassageId.of(epc, location, at.toEpochMilli() * 1000), epc, null, location, "rdr", 1, at, at.plusSeconds(2),
                10, -60, Direction.IN);
        LocationInfo info = locations.find(location);
        return new EnrichedPassage(p, new BoundObject(ObjectKind.VEHICLE, "V-" + object), info);
    }

    static RawEpc epc(int object) {
        return RawEpc.ofHex(String.format("3416451DA4%014X", object));
    }

    /** Entries for objects 0, 50, 100, ... (2 % of 200,000 objects on the road are listed when entries is 4,000; all of them at 1 M). */
    private static void fillWatchlist(DataSource ds, int entries) throws Exception {
        try (var con = ds.getConnection(); PreparedStatement ps = con.prepareStatement("INSERT INTO watchlist_entry (list_name, object_kind,"
                + " object_id, epc_hex, subject, reason, valid_from) VALUES (?, 'VEHICLE', ?, ?, NULL, 'bench', ?)")) {
            con.setAutoCommit(false);
            Timestamp since = Timestamp.from(T0.minus(Duration.ofDays(30)));
            for (int i = 0; i < entries; i++) {
                int object = i * 50;
                ps.setString(1, i % 3 == 0 ? "stolen_vehicle" : "wanted");
                ps.setString(2, "V-" + object);
                ps.setString(3, epc(object).toHex());
                ps.setTimestamp(4, since);
                ps.addBatch();
                if (i % 10_000 == 9_999) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
            con.commit();
        }
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
