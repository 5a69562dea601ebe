package org.openrfid.trace.service.alert.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.service.alert.Alert;
import org.openrfid.trace.service.alert.AlertCandidate;
import org.openrfid.trace.service.alert.AlertEvent;
import org.openrfid.trace.service.alert.AlertStatus;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.Alerts;
import org.openrfid.trace.service.alert.Severity;
import org.openrfid.trace.service.alert.rule.RuleDefinition;
import org.openrfid.trace.service.alert.rule.RuleDefinitions;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.watchlist.Watchlist;
import org.openrfid.trace.service.registry.watchlist.WatchlistEntry;
import org.openrfid.trace.service.registry.watchlist.jdbc.JdbcWatchlist;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What the alert, rule and watchlist-change stores must do on every database. Subclasses supply a fresh database per test. */
abstract class AlertStoreContractTests {

    static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");
    static final Duration TEN_MINUTES = Duration.ofMinutes(10);
    static final String CAR = "7d1e4a52-0000-4000-8000-000000000001";

    protected Alerts alerts;
    protected RuleDefinitions rules;
    protected Watchlist watchlist;
    protected org.openrfid.trace.service.location.Locations locations;

    protected abstract DataSource freshDatabase();

    protected abstract Flyway flyway(DataSource dataSource);

    @BeforeEach
    void migrateFreshDatabase() {
        DataSource dataSource = freshDatabase();
        flyway(dataSource).migrate();
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        alerts = AlertStoreConfiguration.createAlerts(dataSource, tx, json);
        rules = AlertStoreConfiguration.createRuleDefinitions(dataSource, tx, json, Clock.fixed(T0, ZoneOffset.UTC));
        watchlist = new JdbcWatchlist(new JdbcTemplate(dataSource), tx);
        locations = org.openrfid.trace.service.location.jdbc.LocationStoreConfiguration.createLocations(dataSource, tx);
    }

    @Test
    void aKindSeenOnlyAtSomePlacesIsListedOnlyThere() {
        locations.save(List.of(new org.openrfid.trace.service.location.Location("CQ-PORT-GATE", "Guoyuan Port Customs Gate", "port_gate",
                29.644, 106.704, null), new org.openrfid.trace.service.location.Location("CQ-CP-001", "Chaotianmen Bridge", "checkpoint",
                29.588, 106.594, null)));
        alerts.raise(stolenCar(T0, "CQ-PORT-GATE"), TEN_MINUTES);
        alerts.raise(new AlertCandidate(AlertType.WATCHLIST, "watchlist", Severity.HIGH, T0, "CQ-CP-001", ObjectKind.VEHICLE, "car-2",
                null, null, "car 2", Map.of(), "car-2"), TEN_MINUTES);
        alerts.raise(new AlertCandidate(AlertType.CUSTOMS_HOLD_EXIT, "customs", Severity.HIGH, T0, "CQ-PORT-GATE", ObjectKind.PALLET, "p-1",
                null, null, "pallet", Map.of(), "p-1"), TEN_MINUTES);
        List<Alert> customs = alerts.page(new Alerts.Filter(null, null, null, null, null, null, Set.of("GOODS", "PALLET"),
                Map.of("VEHICLE", Set.of("port_gate")), null, 0, 100));
        assertThat(customs).extracting(Alert::locationId, Alert::objectKind).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("CQ-PORT-GATE", ObjectKind.VEHICLE), org.assertj.core.groups.Tuple.tuple("CQ-PORT-GATE", ObjectKind.PALLET));
    }

    static AlertCandidate stolenCar(Instant at, String location) {
        return new AlertCandidate(AlertType.WATCHLIST, "watchlist", Severity.CRITICAL, at, location, ObjectKind.VEHICLE, CAR,
                "3416451DA400000005F5E823", "渝A·Q8162", "渝A·Q8162 (stolen_vehicle) was read at " + location + ".",
                Map.of("lists", List.of("stolen_vehicle"), "distanceM", 1234.5), "VEHICLE:" + CAR);
    }

    @Test
    void anAlertIsRaisedOncePerSubjectAndDebounceWindow() {
        Optional<AlertEvent> first = alerts.raise(stolenCar(T0, "CQ-CP-001"), TEN_MINUTES);
        assertThat(first).hasValueSatisfying(e -> {
            assertThat(e.kind()).isEqualTo(AlertEvent.Kind.RAISED);
            Alert a = e.alert();
            assertThat(a.status()).isEqualTo(AlertStatus.OPEN);
            assertThat(a.plate()).isEqualTo("渝A·Q8162");
            assertThat(a.evidence()).containsEntry("lists", List.of("stolen_vehicle")).containsEntry("distanceM", 1234.5);
            assertThat(a.history()).extracting(Alert.Change::status).containsExactly(AlertStatus.OPEN);
        });
        assertThat(alerts.raise(stolenCar(T0.plusSeconds(30), "CQ-CP-002"), TEN_MINUTES)).as("same car within 10 min").isEmpty();
        assertThat(alerts.raise(stolenCar(T0.minusSeconds(30), "CQ-CP-000"), TEN_MINUTES)).as("a replayed earlier read").isEmpty();
        Alert repeated = alerts.find(first.get().alert().id()).orElseThrow();
        assertThat(repeated.repeats()).isEqualTo(2);
        assertThat(repeated.lastSeenAt()).isEqualTo(T0.plusSeconds(30));

        AlertCandidate otherRule = new AlertCandidate(AlertType.CLONE_TID_MISMATCH, "clone-tid", Severity.HIGH, T0.plusSeconds(31),
                "CQ-CP-002", ObjectKind.VEHICLE, CAR, null, null, "TID differs", Map.of(), "VEHICLE:" + CAR);
        assertThat(alerts.raise(otherRule, TEN_MINUTES)).as("another rule, same car").isPresent();
        assertThat(alerts.raise(stolenCar(T0.plus(TEN_MINUTES), "CQ-CP-003"), TEN_MINUTES)).as("the window has passed").isPresent();
    }

    @Test
    void membersRacingToRaiseTheSameAlertRaiseItOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Optional<AlertEvent>>> racers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Instant at = T0.plusMillis(i);
                racers.add(() -> alerts.raise(stolenCar(at, "CQ-CP-001"), TEN_MINUTES));
            }
            int raised = 0;
            for (Future<Optional<AlertEvent>> f : pool.invokeAll(racers)) {
                raised += f.get().isPresent() ? 1 : 0;
            }
            assertThat(raised).isEqualTo(1);
            assertThat(alerts.page(filter(null, null, 100))).hasSize(1).first().satisfies(a -> assertThat(a.repeats()).isEqualTo(7));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void statusChangesKeepWhoWhenAndWhyAndAClosedAlertStaysClosed() {
        long id = alerts.raise(stolenCar(T0, "CQ-CP-001"), TEN_MINUTES).orElseThrow().alert().id();
        AlertEvent ack = alerts.change(id, AlertStatus.ACKNOWLEDGED, "officer.wang", "patrol 7 sent", T0.plusSeconds(60)).orElseThrow();
        assertThat(ack.kind()).isEqualTo(AlertEvent.Kind.CHANGED);
        assertThatThrownBy(() -> alerts.change(id, AlertStatus.ACKNOWLEDGED, "officer.li", null, T0.plusSeconds(61)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already ACKNOWLEDGED");
        alerts.change(id, AlertStatus.CLOSED, "officer.wang", "vehicle stopped", T0.plusSeconds(600));
        assertThatThrownBy(() -> alerts.change(id, AlertStatus.OPEN, "x", null, T0.plusSeconds(601))).hasMessageContaining("closed");
        assertThat(alerts.change(id + 99, AlertStatus.CLOSED, "x", null, T0)).isEmpty();

        Alert a = alerts.find(id).orElseThrow();
        assertThat(a.status()).isEqualTo(AlertStatus.CLOSED);
        assertThat(a.history()).extracting(Alert.Change::status, Alert.Change::by, Alert.Change::comment).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AlertStatus.OPEN, "system", null),
                org.assertj.core.groups.Tuple.tuple(AlertStatus.ACKNOWLEDGED, "officer.wang", "patrol 7 sent"),
                org.assertj.core.groups.Tuple.tuple(AlertStatus.CLOSED, "officer.wang", "vehicle stopped"));
        assertThat(a.history().get(1).at()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void eventsComeInStoreOrderAfterAnyPoint() {
        long a = alerts.raise(stolenCar(T0, "CQ-CP-001"), TEN_MINUTES).orElseThrow().seq();
        AlertCandidate reader = new AlertCandidate(AlertType.READER_DOWN, "reader-down", Severity.HIGH, T0.plusSeconds(5), "CQ-CP-009",
                null, null, null, null, "Reader rdr-9 is down", Map.of("reader", "rdr-9"), "rdr-9");
        long b = alerts.raise(reader, TEN_MINUTES).orElseThrow().seq();
        long c = alerts.change(alerts.eventsAfter(0, 10).get(0).alert().id(), AlertStatus.CLOSED, "u", null, T0.plusSeconds(9)).orElseThrow().seq();
        assertThat(List.of(a, b, c)).isSorted();
        assertThat(alerts.lastSeq()).isEqualTo(c);
        assertThat(alerts.eventsAfter(0, 10)).extracting(AlertEvent::seq).containsExactly(a, b, c);
        assertThat(alerts.eventsAfter(a, 10)).extracting(AlertEvent::kind).containsExactly(AlertEvent.Kind.RAISED, AlertEvent.Kind.CHANGED);
        assertThat(alerts.eventsAfter(a, 1)).extracting(AlertEvent::seq).containsExactly(b);
        assertThat(alerts.eventsAfter(c, 10)).isEmpty();
        assertThat(alerts.eventsAfter(b, 10).get(0).alert().status()).as("an event carries the alert as it is now").isEqualTo(AlertStatus.CLOSED);
    }

    @Test
    void pagesFilterByStatusTypeKindPlaceTimeAndWhatTheCallerSees() {
        for (int i = 0; i < 5; i++) {
            alerts.raise(new AlertCandidate(AlertType.WATCHLIST, "watchlist", Severity.HIGH, T0.plusSeconds(i), "CQ-CP-00" + i,
                    ObjectKind.VEHICLE, "car-" + i, null, null, "car " + i, Map.of(), "car-" + i), TEN_MINUTES);
        }
        alerts.raise(new AlertCandidate(AlertType.LIBRARY_UNCHECKED_EXIT, "library", Severity.MEDIUM, T0.plusSeconds(10), "CQ-LIB-G1",
                ObjectKind.LIBRARY_ITEM, "book-1", null, null, "book", Map.of(), "book-1"), TEN_MINUTES);
        alerts.raise(new AlertCandidate(AlertType.READER_DOWN, "reader-down", Severity.HIGH, T0.plusSeconds(11), null,
                null, null, null, null, "reader", Map.of(), "rdr-1"), TEN_MINUTES);

        List<Alert> all = alerts.page(filter(null, null, 100));
        assertThat(all).hasSize(7);
        assertThat(all).extracting(Alert::raisedAt).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(alerts.page(filter(AlertType.WATCHLIST, null, 100))).hasSize(5);
        assertThat(alerts.page(filter(null, Set.of("LIBRARY_ITEM"), 100))).as("a librarian: books and readers")
                .extracting(Alert::type).containsExactlyInAnyOrder(AlertType.LIBRARY_UNCHECKED_EXIT, AlertType.READER_DOWN);
        assertThat(alerts.page(filter(null, Set.of(), 100))).as("no kinds: only alerts about no object").hasSize(1);
        assertThat(alerts.page(new Alerts.Filter(null, null, null, "CQ-CP-003", null, null, null, null, 0, 100))).hasSize(1);
        assertThat(alerts.page(new Alerts.Filter(null, null, null, null, T0.plusSeconds(1), T0.plusSeconds(3), null, null, 0, 100)))
                .extracting(Alert::objectId).containsExactly("car-2", "car-1");

        List<Alert> first = alerts.page(filter(null, null, 3));
        Alert last = first.get(2);
        List<Alert> next = alerts.page(new Alerts.Filter(null, null, null, null, null, null, null, last.raisedAt(), last.id(), 3));
        assertThat(next).extracting(Alert::id).doesNotContainAnyElementsOf(first.stream().map(Alert::id).toList()).hasSize(3);
        long closed = all.get(0).id();
        alerts.change(closed, AlertStatus.CLOSED, "u", null, T0);
        assertThat(alerts.page(new Alerts.Filter(AlertStatus.OPEN, null, null, null, null, null, null, null, 0, 100))).hasSize(6);
    }

    private static Alerts.Filter filter(AlertType type, Set<String> kinds, int limit) {
        return new Alerts.Filter(null, type, null, null, null, null, kinds, null, 0, limit);
    }

    @Test
    void rulesAreSavedVersionedDeletedAndADeletedDefaultIsNotSeededAgain() {
        RuleDefinition watch = new RuleDefinition("watchlist", AlertType.WATCHLIST, true, Severity.CRITICAL,
                Map.of("excludeLists", List.of("customs_hold"), "debounce", "PT10M"), List.of(), null);
        RuleDefinition speed = new RuleDefinition("speed-a", AlertType.SECTION_SPEED, true, Severity.MEDIUM, Map.of("limitKmh", 80),
                List.of("CQ-CP-001", "CQ-CP-002"), null);
        long v0 = rules.version();
        assertThat(rules.seed(List.of(watch, speed))).isEqualTo(2);
        assertThat(rules.seed(List.of(watch, speed))).isZero();
        assertThat(rules.version()).isGreaterThan(v0);
        assertThat(rules.find("speed-a")).hasValue(speed);
        assertThat(rules.find("watchlist").orElseThrow().params()).containsEntry("excludeLists", List.of("customs_hold"));

        long v1 = rules.version();
        assertThat(rules.save(speed.withEnabled(false), "admin")).as("replaced, not new").isFalse();
        assertThat(rules.version()).isGreaterThan(v1);
        assertThat(rules.find("speed-a").orElseThrow().enabled()).isFalse();

        assertThat(rules.delete("watchlist", "admin")).isTrue();
        assertThat(rules.delete("watchlist", "admin")).isFalse();
        assertThat(rules.all()).extracting(RuleDefinition::id).containsExactly("speed-a");
        assertThat(rules.seed(List.of(watch))).as("a default someone deleted stays deleted").isZero();
        assertThat(rules.save(watch, "admin")).as("its id may be used again").isTrue();
        assertThat(rules.all()).extracting(RuleDefinition::id).containsExactly("speed-a", "watchlist");
    }

    @Test
    void watchlistChangesAreFoundByDatabaseTime() {
        Instant before = watchlist.now();
        WatchlistEntry e = new WatchlistEntry(0, "stolen_vehicle", ObjectKind.VEHICLE, CAR, "3416451DA400000005F5E823", "渝AQ8162",
                "reported stolen", T0, null);
        watchlist.save(List.of(e));
        List<Watchlist.Changed> changed = watchlist.changedSince(before, 100);
        assertThat(changed).extracting(c -> c.entry().objectId()).containsExactly(CAR);
        Instant seen = changed.get(0).changedAt();
        assertThat(seen).isAfterOrEqualTo(before);

        long id = changed.get(0).entry().id();
        sleepPastClockTick();
        assertThat(watchlist.end(id, T0.plusSeconds(3600))).isTrue();
        List<Watchlist.Changed> ended = watchlist.changedSince(seen.plusNanos(1000), 100);
        assertThat(ended).as("ending an entry is a change too").extracting(c -> c.entry().validTo()).containsExactly(T0.plusSeconds(3600));
    }

    private static void sleepPastClockTick() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
