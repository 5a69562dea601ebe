package org.openrfid.trace.service.alert.engine;

import org.openrfid.trace.service.alert.*;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.passage.PassageId;
import org.openrfid.trace.pipeline.SmoothingStage.TagArrival;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.alert.jdbc.AlertStoreConfiguration;
import org.openrfid.trace.service.alert.rule.Rule;
import org.openrfid.trace.service.alert.rule.RuleDefinition;
import org.openrfid.trace.service.alert.rule.RuleDefinitions;
import org.openrfid.trace.service.alert.rule.RuleFactory;
import org.openrfid.trace.service.alert.rules.watchlist.WatchlistIndex;
import org.openrfid.trace.service.alert.rules.watchlist.WatchlistRules;
import org.openrfid.trace.service.enrichment.LocationCache;
import org.openrfid.trace.service.location.LocationInfo;
import org.openrfid.trace.service.location.jdbc.LocationStoreConfiguration;
import org.openrfid.trace.service.passage.EnrichedPassage;
import org.openrfid.trace.service.registry.binding.BoundObject;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.vehicle.Vehicle;
import org.openrfid.trace.service.registry.vehicle.Vehicles;
import org.openrfid.trace.service.registry.vehicle.jdbc.VehicleStoreConfiguration;
import org.openrfid.trace.service.registry.watchlist.Watchlist;
import org.openrfid.trace.service.registry.watchlist.WatchlistEntry;
import org.openrfid.trace.service.registry.watchlist.jdbc.JdbcWatchlist;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The rule engine with the real stores (H2GIS): defaults, watchlist changes at run time, rule changes, a failing rule. */
class RuleEngineIntegrationTests {

    static final String EPC = "3416451DA400000005F5E823";
    static final LocationInfo BRIDGE = new LocationInfo("CQ-CP-004", "黄花园大桥 Huanghuayuan Bridge", "checkpoint", 29.57, 106.55);

    private RuleDefinitions rules;
    private Watchlist watchlist;
    private Alerts alerts;
    private Vehicles vehicles;
    private WatchlistIndex index;
    private RuleEngine engine;
    private final List<AlertEvent> heard = new CopyOnWriteArrayList<>();
    private UUID car;
    private LocationCache locations;

    @BeforeEach
    void start() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:engine-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/h2").load().migrate();
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        alerts = AlertStoreConfiguration.createAlerts(ds, tx, json);
        rules = AlertStoreConfiguration.createRuleDefinitions(ds, tx, json, Clock.systemUTC());
        watchlist = new JdbcWatchlist(new JdbcTemplate(ds), tx);
        vehicles = vehicleStore(ds, tx);
        car = UUID.randomUUID();
        vehicles.save(List.of(new Vehicle(car, "渝AQ8162", "02", "blue", "K31", "LFVKB6E98PD069320", "active", null)));
        locations = new LocationCache(LocationStoreConfiguration.createLocations(ds, tx));
        index = new WatchlistIndex(watchlist, Duration.ofMillis(100)).start();
        await().atMost(Duration.ofSeconds(5)).until(index::isLoaded);
    }

    private static Vehicles vehicleStore(DataSource ds, TransactionTemplate tx) {
        return VehicleStoreConfiguration.createVehicles(ds, tx);
    }

    private void startEngine(RuleFactory... extra) {
        List<RuleFactory> factories = new ArrayList<>(List.of(new WatchlistRules(index, locationCache(), vehicles)));
        factories.addAll(List.of(extra));
        AlertService service = new AlertService(alerts, Clock.systemUTC(), new SimpleMeterRegistry());
        service.subscribe(heard::add);
        engine = new RuleEngine(factories, rules, service, Clock.systemUTC(), 100, new SimpleMeterRegistry()).start();
    }

    private LocationCache locationCache() {
        return locations;
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
        index.close();
    }

    private EnrichedPassage passageOfCar(Instant at) {
        RawEpc epc = RawEpc.ofHex(EPC);
        long micros = at.toEpochMilli() * 1000;
        Passage p = new Passage(PassageId.of(epc, BRIDGE.id(), micros), epc, null, BRIDGE.id(), "rdr-CQ-CP-004", 1, at, at.plusSeconds(2),
                12, -55.0, Direction.IN);
        return new EnrichedPassage(p, new BoundObject(ObjectKind.VEHICLE, car.toString()), BRIDGE);
    }

    @Test
    void theDefaultWatchlistRuleIsSeededAndAWatchlistEntryAddedAtRunTimeAlertsAtTheNextPassage() {
        startEngine();
        assertThat(rules.all()).extracting(RuleDefinition::id).contains("watchlist");

        engine.passages(List.of(passageOfCar(Instant.now())));
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(heard::isEmpty);

        watchlist.save(List.of(new WatchlistEntry(0, "stolen_vehicle", ObjectKind.VEHICLE, car.toString(), EPC, "渝AQ8162", "reported stolen",
                Instant.now().minusSeconds(60), null)));
        long added = System.nanoTime();
        await().atMost(Duration.ofSeconds(1)).until(() -> !index.activeForHex(ObjectKind.VEHICLE, car.toString(), null, Instant.now()).isEmpty());
        assertThat(Duration.ofNanos(System.nanoTime() - added)).isLessThan(Duration.ofSeconds(1));

        engine.passages(List.of(passageOfCar(Instant.now())));
        await().atMost(Duration.ofSeconds(3)).until(() -> heard.size() == 1);
        Alert a = heard.get(0).alert();
        assertThat(a.type()).isEqualTo(AlertType.WATCHLIST);
        assertThat(a.plate()).isEqualTo("渝A·Q8162");
        assertThat(a.summary()).contains("渝A·Q8162").contains("stolen_vehicle").contains("Huanghuayuan Bridge");
        assertThat(a.evidence()).containsEntry("lists", List.of("stolen_vehicle"));

        engine.arrivals(List.of(new TagArrival(RawEpc.ofHex(EPC), BRIDGE.id(), "rdr-CQ-CP-004", Instant.now())));
        engine.passages(List.of(passageOfCar(Instant.now())));
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3)).until(() -> heard.size() == 1);
        assertThat(alerts.find(a.id()).orElseThrow().repeats()).as("debounced, counted").isEqualTo(2);
    }

    @Test
    void anArrivalOfAWatchlistedEpcAlertsBeforeItsPassageCompletes() {
        watchlist.save(List.of(new WatchlistEntry(0, "wanted", ObjectKind.VEHICLE, car.toString(), EPC, null, "wanted in case 2026-17",
                Instant.now().minusSeconds(60), null)));
        await().atMost(Duration.ofSeconds(2)).until(() -> !index.activeForHex(null, null, EPC, Instant.now()).isEmpty());
        startEngine();
        engine.arrivals(List.of(new TagArrival(RawEpc.ofHex(EPC), BRIDGE.id(), "rdr-CQ-CP-004", Instant.now())));
        await().atMost(Duration.ofSeconds(3)).until(() -> heard.size() == 1);
        assertThat(heard.get(0).alert().evidence()).containsKey("seen");
    }

    @Test
    void aRuleDisabledOnAnyMemberStopsWithinASecondAndARuleThatThrowsDoesNotStopTheOthers() {
        List<String> seen = new CopyOnWriteArrayList<>();
        RuleFactory broken = factory(AlertType.SECTION_SPEED, d -> new Rule() {
            @Override
            public RuleDefinition definition() {
                return d;
            }

            @Override
            public void onPassage(EnrichedPassage passage, AlertSink sink) {
                throw new IllegalStateException("broken on purpose");
            }
        });
        RuleFactory counting = factory(AlertType.ANTENNA_SILENT, d -> new Rule() {
            @Override
            public RuleDefinition definition() {
                return d;
            }

            @Override
            public void onPassage(EnrichedPassage passage, AlertSink sink) {
                seen.add(passage.passage().id());
            }
        });
        rules.save(new RuleDefinition("broken", AlertType.SECTION_SPEED, true, Severity.LOW, Map.of(), List.of(), null), "t");
        rules.save(new RuleDefinition("counting", AlertType.ANTENNA_SILENT, true, Severity.LOW, Map.of(), List.of(), null), "t");
        startEngine(broken, counting);

        engine.passages(List.of(passageOfCar(Instant.now())));
        await().atMost(Duration.ofSeconds(3)).until(() -> seen.size() == 1);

        rules.save(new RuleDefinition("counting", AlertType.ANTENNA_SILENT, false, Severity.LOW, Map.of(), List.of(), null), "other-member");
        await().atMost(Duration.ofMillis(2500)).until(() -> engine.running().stream().noneMatch(r -> r.id().equals("counting")));
        engine.passages(List.of(passageOfCar(Instant.now().plusSeconds(5))));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> seen.size() == 1);
    }

    private static RuleFactory factory(AlertType type, java.util.function.Function<RuleDefinition, Rule> make) {
        return new RuleFactory() {
            @Override
            public AlertType type() {
                return type;
            }

            @Override
            public Rule create(RuleDefinition definition) {
                return make.apply(definition);
            }
        };
    }
}
