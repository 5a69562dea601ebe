package org.openrfid.trace.service.alert.rules.customs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrfid.trace.service.alert.rules.RuleFixtures.T0;
import static org.openrfid.trace.service.alert.rules.RuleFixtures.passage;
import static org.openrfid.trace.service.alert.rules.RuleFixtures.place;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.ReadPoint;
import org.openrfid.trace.passage.ReadPointDirectory;
import org.openrfid.trace.service.alert.AlertCandidate;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.rule.Rule;
import org.openrfid.trace.service.alert.rules.GateDirections;
import org.openrfid.trace.service.alert.rules.RuleFixtures.Sink;
import org.openrfid.trace.service.location.LocationInfo;
import org.openrfid.trace.service.registry.binding.BoundObject;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.watchlist.Watchlist;
import org.openrfid.trace.service.registry.watchlist.WatchlistEntry;

class CustomsHoldExitRuleUnitTests {

    static final String PALLET_ID = "006141411000000019";
    static final String PALLET_EPC = "31D4257BF405F5E101000000";
    static final LocationInfo GATE = place("PORT-GATE-1", "Guoyuan Port gate 1", "port_gate", 29.65, 106.80);
    static final LocationInfo DOCK = place("WH-DOCK-1", "Warehouse dock 1", "dock_door", 29.65, 106.80);

    final InMemoryWatchlist store = new InMemoryWatchlist();
    final List<WatchlistChanged> changes = new ArrayList<>();
    final Watchlist watchlist = NotifyingWatchlist.wrap(store, changes::add);
    final MutableClock clock = new MutableClock(T0);
    final CustomsHolds holds = new CustomsHolds(store, clock, Duration.ofMinutes(10));
    final ReadPointDirectory readPoints = new ReadPointDirectory();
    final Sink sink = new Sink();
    final Rule rule;

    CustomsHoldExitRuleUnitTests() {
        readPoints.put(new ReadPoint("rdr-port-1", 1, "PORT-GATE-1", Direction.IN, 1));
        readPoints.put(new ReadPoint("rdr-port-1", 2, "PORT-GATE-1", Direction.OUT, 2));
        CustomsHoldExitRuleFactory factory = new CustomsHoldExitRuleFactory(holds, new GateDirections(readPoints));
        rule = factory.create(factory.defaults().get(0));
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static BoundObject pallet() {
        return new BoundObject(ObjectKind.PALLET, PALLET_ID);
    }

    WatchlistEntry hold(ObjectKind kind, String id, String epc, Instant from, Instant to) {
        return new WatchlistEntry(0, "customs_hold", kind, id, epc, "CN-2025-0003", "inspection ordered", from, to);
    }

    void passOut() {
        rule.onPassage(passage(PALLET_EPC, GATE, clock.now, clock.now, pallet(), Direction.OUT, "rdr-port-1", 2), sink);
    }

    /** What a refresh does, as the refresher thread would, with the relay's handling of a change. */
    void refresh() {
        changes.forEach(holds::changed);
        changes.clear();
        holds.refresh();
    }

    @Test
    void alertsWhenAHeldPalletLeavesThroughAPortGate() {
        watchlist.save(List.of(hold(ObjectKind.PALLET, PALLET_ID, null, T0.minusSeconds(3600), null)));
        refresh();
        passOut();
        AlertCandidate a = sink.only();
        assertThat(a.type()).isEqualTo(AlertType.CUSTOMS_HOLD_EXIT);
        assertThat(a.subject()).isEqualTo("PALLET:" + PALLET_ID);
        assertThat(a.summary()).isEqualTo("Pallet " + PALLET_ID + " (CN-2025-0003), under customs hold (inspection ordered), left through"
                + " Guoyuan Port gate 1.");
        assertThat(a.evidence()).containsEntry("reason", "inspection ordered").containsKey("holdEntry");
    }

    @Test
    void aPalletNotHeldOrComingInOrElsewhereIsNoAlert() {
        watchlist.save(List.of(new WatchlistEntry(0, "stolen_goods", ObjectKind.PALLET, PALLET_ID, null, null, "other list", T0.minusSeconds(60), null)));
        refresh();
        passOut();
        assertThat(sink.raised).as("on another list only").isEmpty();
        watchlist.save(List.of(hold(ObjectKind.PALLET, PALLET_ID, null, T0.minusSeconds(60), null)));
        refresh();
        rule.onPassage(passage(PALLET_EPC, GATE, T0, T0, pallet(), Direction.IN, "rdr-port-1", 1), sink);
        rule.onPassage(passage(PALLET_EPC, DOCK, T0, T0, pallet(), Direction.OUT, "rdr-dock", 1), sink);
        assertThat(sink.raised).isEmpty();
    }

    @Test
    void aHoldOnTheEpcCountsForAnUnboundTag() {
        watchlist.save(List.of(hold(ObjectKind.GOODS, "unknown-item", PALLET_EPC.toLowerCase(), T0.minusSeconds(60), null)));
        refresh();
        rule.onPassage(passage(PALLET_EPC, GATE, T0, T0, null, Direction.OUT, "rdr-port-1", 2), sink);
        assertThat(sink.only().subject()).isEqualTo("EPC:" + PALLET_EPC);
    }

    @Test
    void anEndedHoldStopsAlertingAtTheNextRefresh() {
        watchlist.save(List.of(hold(ObjectKind.PALLET, PALLET_ID, null, T0.minusSeconds(3600), null)));
        refresh();
        long id = store.byId.firstKey();
        assertThat(watchlist.end(id, T0.minusSeconds(1))).isTrue();
        refresh();
        passOut();
        assertThat(sink.raised).isEmpty();
    }

    @Test
    void holdsStartAndEndOnTimeWithoutAskingTheDatabase() {
        watchlist.save(List.of(hold(ObjectKind.PALLET, PALLET_ID, null, T0.plusSeconds(60), T0.plusSeconds(120))));
        refresh();
        passOut();
        assertThat(sink.raised).as("not yet").isEmpty();
        clock.now = T0.plusSeconds(60);
        refresh();
        passOut();
        assertThat(sink.raised).hasSize(1);
        clock.now = T0.plusSeconds(120);
        refresh();
        passOut();
        assertThat(sink.raised).as("over").hasSize(1);
    }

    @Test
    void passagesNeverQueryTheWatchlistAndRefreshesOnlyFetchWhatIsNew() {
        List<WatchlistEntry> many = new ArrayList<>();
        for (int i = 0; i < 25_000; i++) {
            many.add(hold(ObjectKind.GOODS, "item-" + i, null, T0.minusSeconds(60), null));
        }
        store.load(many);
        store.save(List.of(hold(ObjectKind.PALLET, PALLET_ID, null, T0.minusSeconds(60), null)));
        holds.refresh();
        assertThat(holds.entryCount()).isEqualTo(25_001);
        int afterLoad = store.queries.get();
        for (int i = 0; i < 1000; i++) {
            passOut();
        }
        assertThat(store.queries.get()).isEqualTo(afterLoad);
        assertThat(sink.raised).hasSize(1000);
        holds.refresh();
        assertThat(store.queries.get()).as("one page of ids above the last seen").isEqualTo(afterLoad + 1);
    }

    @Test
    void entriesSavedOnAnotherMemberArriveByTheirIds() {
        holds.refresh();
        store.save(List.of(hold(ObjectKind.PALLET, PALLET_ID, null, T0.minusSeconds(60), null))); // behind this member's proxy
        holds.refresh();
        assertThat(holds.isHeld(ObjectKind.PALLET, PALLET_ID, null)).isTrue();
    }

    @Test
    void theNotifyingWatchlistTellsOfCustomsHoldSavesAndOfEnds() {
        watchlist.save(List.of(hold(ObjectKind.PALLET, PALLET_ID, null, T0, null),
                new WatchlistEntry(0, "stolen_vehicle", ObjectKind.VEHICLE, "v1", null, null, "stolen", T0, null)));
        assertThat(changes).singleElement().satisfies(c -> assertThat(c.objects()).isEqualTo(Set.of("PALLET:" + PALLET_ID)));
        watchlist.end(store.byId.firstKey(), T0.plusSeconds(5));
        assertThat(changes.get(1).endedEntries()).containsExactly(store.byId.firstKey());
        assertThat(CustomsHoldRelay.decode(CustomsHoldRelay.encode(changes.get(0))))
                .isEqualTo(changes.get(0));
    }
}
