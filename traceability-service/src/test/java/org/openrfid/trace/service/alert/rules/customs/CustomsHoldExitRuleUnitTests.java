package org.openrfid.trace.service.alert.rules.customs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrfid.trace.service.alert.rules.RuleFixtures.T0;
import static org.openrfid.trace.service.alert.rules.RuleFixtures.passage;
import static org.openrfid.trace.service.alert.rules.RuleFixtures.place;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import org.openrfid.trace.service.registry.watchlist.WatchlistEntry;

class CustomsHoldExitRuleUnitTests {

    static final String PALLET_ID = "006141411000000019";
    static final String PALLET_EPC = "31D4257BF405F5E101000000";
    static final LocationInfo GATE = place("PORT-GATE-1", "Guoyuan Port gate 1", "port_gate", 29.65, 106.80);
    static final LocationInfo DOCK = place("WH-DOCK-1", "Warehouse dock 1", "dock_door", 29.65, 106.80);

    /** The watchlist as the index holds it: every list, filtered by object or tag and time like the index. */
    final List<WatchlistEntry> watchlist = new ArrayList<>();
    final CustomsHolds holds = CustomsHolds.from((kind, objectId, epcHex, at) -> watchlist.stream()
            .filter(e -> e.activeAt(at) && (e.kind() == kind && e.objectId().equals(objectId)
                    || epcHex != null && epcHex.equalsIgnoreCase(e.epcHex())))
            .toList());
    final ReadPointDirectory readPoints = new ReadPointDirectory();
    final Sink sink = new Sink();
    final Rule rule;

    CustomsHoldExitRuleUnitTests() {
        readPoints.put(new ReadPoint("rdr-port-1", 1, "PORT-GATE-1", Direction.IN, 1));
        readPoints.put(new ReadPoint("rdr-port-1", 2, "PORT-GATE-1", Direction.OUT, 2));
        CustomsHoldExitRuleFactory factory = new CustomsHoldExitRuleFactory(holds, new GateDirections(readPoints));
        rule = factory.create(factory.defaults().get(0));
    }

    static BoundObject pallet() {
        return new BoundObject(ObjectKind.PALLET, PALLET_ID);
    }

    static WatchlistEntry hold(long id, ObjectKind kind, String objectId, String epc, Instant from, Instant to) {
        return new WatchlistEntry(id, "customs_hold", kind, objectId, epc, "CN-2025-0003", "inspection ordered", from, to);
    }

    void passOut(Instant at) {
        rule.onPassage(passage(PALLET_EPC, GATE, at, at, pallet(), Direction.OUT, "rdr-port-1", 2), sink);
    }

    @Test
    void alertsWhenAHeldPalletLeavesThroughAPortGate() {
        watchlist.add(hold(7, ObjectKind.PALLET, PALLET_ID, null, T0.minusSeconds(3600), null));
        passOut(T0);
        AlertCandidate a = sink.only();
        assertThat(a.type()).isEqualTo(AlertType.CUSTOMS_HOLD_EXIT);
        assertThat(a.subject()).isEqualTo("PALLET:" + PALLET_ID);
        assertThat(a.raisedAt()).isEqualTo(T0);
        assertThat(a.summary()).isEqualTo("Pallet " + PALLET_ID + " (CN-2025-0003), under customs hold (inspection ordered), left through"
                + " Guoyuan Port gate 1.");
        assertThat(a.evidence()).containsEntry("reason", "inspection ordered").containsEntry("holdEntry", 7L);
    }

    @Test
    void aCaseInsideAHeldPalletLeavesWithItsPalletAndACaseOnItsOwnAlerts() {
        String caseId = "0f929050-71f6-362a-86f9-de33a38ac96a";
        String looseId = "3f5ba7ae-cd53-3fef-9067-975db42f6d1b";
        watchlist.add(hold(7, ObjectKind.PALLET, PALLET_ID, null, T0.minusSeconds(3600), null));
        watchlist.add(hold(8, ObjectKind.GOODS, caseId, null, T0.minusSeconds(3600), null));
        watchlist.add(hold(9, ObjectKind.GOODS, looseId, null, T0.minusSeconds(3600), null));
        CustomsHoldExitRuleFactory factory = new CustomsHoldExitRuleFactory(holds, new GateDirections(readPoints),
                (goods, at) -> goods.equals(caseId) ? PALLET_ID : null);
        Rule withPallets = factory.create(factory.defaults().get(0));
        withPallets.onPassage(passage("3054024220C21B40000F427F", GATE, T0, T0, new BoundObject(ObjectKind.GOODS, caseId), Direction.OUT,
                "rdr-port-1", 2), sink);
        assertThat(sink.raised).as("the case is in a held pallet: the pallet alerts").isEmpty();
        withPallets.onPassage(passage("3054024220C21B40000F4280", GATE, T0, T0, new BoundObject(ObjectKind.GOODS, looseId), Direction.OUT,
                "rdr-port-1", 2), sink);
        assertThat(sink.only().subject()).isEqualTo("GOODS:" + looseId);
    }

    @Test
    void anEntryOnAnotherListIsNoHold() {
        watchlist.add(new WatchlistEntry(8, "stolen_goods", ObjectKind.PALLET, PALLET_ID, null, null, "other list", T0.minusSeconds(60), null));
        passOut(T0);
        assertThat(sink.raised).isEmpty();
    }

    @Test
    void comingInOrLeavingElsewhereIsNoAlert() {
        watchlist.add(hold(7, ObjectKind.PALLET, PALLET_ID, null, T0.minusSeconds(60), null));
        rule.onPassage(passage(PALLET_EPC, GATE, T0, T0, pallet(), Direction.IN, "rdr-port-1", 1), sink);
        rule.onPassage(passage(PALLET_EPC, GATE, T0, T0, pallet(), Direction.NONE, "rdr-port-1", 1), sink);
        rule.onPassage(passage(PALLET_EPC, DOCK, T0, T0, pallet(), Direction.OUT, "rdr-dock", 1), sink);
        assertThat(sink.raised).isEmpty();
    }

    @Test
    void aHoldOnTheEpcCountsForAnUnboundTag() {
        watchlist.add(hold(9, ObjectKind.GOODS, "unknown-item", PALLET_EPC.toLowerCase(), T0.minusSeconds(60), null));
        rule.onPassage(passage(PALLET_EPC, GATE, T0, T0, null, Direction.OUT, "rdr-port-1", 2), sink);
        assertThat(sink.only().subject()).isEqualTo("EPC:" + PALLET_EPC);
    }

    @Test
    void theHoldIsJudgedAtThePassagesTime() {
        watchlist.add(hold(7, ObjectKind.PALLET, PALLET_ID, null, T0.plusSeconds(60), T0.plusSeconds(120)));
        passOut(T0.plusSeconds(59));
        assertThat(sink.raised).as("one second before the hold").isEmpty();
        passOut(T0.plusSeconds(60));
        assertThat(sink.raised).hasSize(1);
        passOut(T0.plusSeconds(120));
        assertThat(sink.raised).as("released").hasSize(1);
    }

    @Test
    void theObjectsOwnHoldComesBeforeOneMadeForItsTag() {
        watchlist.add(hold(1, ObjectKind.GOODS, "other", PALLET_EPC, T0.minusSeconds(60), null));
        watchlist.add(hold(2, ObjectKind.PALLET, PALLET_ID, null, T0.minusSeconds(60), null));
        assertThat(holds.holdOf(ObjectKind.PALLET, PALLET_ID, PALLET_EPC, T0).id()).isEqualTo(2);
    }

    @Test
    void theDefaultRuleIsEnabled() {
        assertThat(new CustomsHoldExitRuleFactory(holds, new GateDirections(readPoints)).defaults()).singleElement()
                .satisfies(d -> assertThat(d.enabled()).isTrue());
    }
}
