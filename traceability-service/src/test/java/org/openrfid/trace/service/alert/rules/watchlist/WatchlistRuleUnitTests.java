package org.openrfid.trace.service.alert.rules.watchlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.passage.Passage;
import org.openrfid.trace.passage.PassageId;
import org.openrfid.trace.pipeline.SmoothingStage.TagArrival;
import org.openrfid.trace.reader.RawEpc;
import org.openrfid.trace.service.alert.AlertCandidate;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.Severity;
import org.openrfid.trace.service.alert.rule.RuleDefinition;
import org.openrfid.trace.service.location.LocationInfo;
import org.openrfid.trace.service.passage.EnrichedPassage;
import org.openrfid.trace.service.registry.binding.BoundObject;
import org.openrfid.trace.service.registry.binding.ObjectKind;
import org.openrfid.trace.service.registry.watchlist.Watchlist;
import org.openrfid.trace.service.registry.watchlist.WatchlistEntry;

class WatchlistRuleUnitTests {

    static final Instant T = Instant.parse("2026-11-24T08:00:00Z");
    static final String CAR = "car-1";
    static final String EPC = "3416451DA400000005F5E823";
    static final LocationInfo BRIDGE = new LocationInfo("CQ-CP-004", "黄花园大桥 Huanghuayuan Bridge", "checkpoint", 29.57, 106.55);

    private final List<WatchlistEntry> entries = new ArrayList<>();
    private final List<AlertCandidate> raised = new ArrayList<>();
    private WatchlistIndex index;

    @BeforeEach
    void index() {
        entries.add(new WatchlistEntry(1, "stolen_vehicle", ObjectKind.VEHICLE, CAR, EPC, "渝AQ8162", "reported stolen", T.minusSeconds(3600), null));
        entries.add(new WatchlistEntry(2, "inspection_expired", ObjectKind.VEHICLE, CAR, null, null, "overdue", T.minusSeconds(3600), null));
        entries.add(new WatchlistEntry(3, "wanted", ObjectKind.VEHICLE, CAR, null, null, "case 7", T.plusSeconds(60), null));
        entries.add(new WatchlistEntry(4, "customs_hold", ObjectKind.PALLET, "pallet-1", "31D4257BF405F5E10D000000", null, "held",
                T.minusSeconds(3600), null));
        index = new WatchlistIndex(new ListWatchlist(entries), Duration.ofSeconds(1));
        index.loadNow();
    }

    private WatchlistRule rule(Map<String, Object> params) {
        return new WatchlistRule(new RuleDefinition("watchlist", AlertType.WATCHLIST, true, Severity.CRITICAL, params, List.of(), null),
                index, id -> BRIDGE, id -> CAR.equals(id) ? "渝A·Q8162" : null);
    }

    private static EnrichedPassage passage(String epcHex, BoundObject o, Instant at) {
        RawEpc epc = RawEpc.ofHex(epcHex);
        return new EnrichedPassage(new Passage(PassageId.of(epc, BRIDGE.id(), at.toEpochMilli() * 1000), epc, null, BRIDGE.id(), "rdr-4", 1,
                at, at.plusSeconds(2), 9, -60, Direction.IN), o, BRIDGE);
    }

    @Test
    void aPassageOfAListedObjectNamesEveryListItIsOnWithTheHighestSeverity() {
        rule(Map.of("severityByList", Map.of("inspection_expired", "LOW"), "excludeLists", List.of("customs_hold")))
                .onPassage(passage(EPC, new BoundObject(ObjectKind.VEHICLE, CAR), T), raised::add);
        assertThat(raised).singleElement().satisfies(a -> {
            assertThat(a.evidence().get("lists")).isEqualTo(List.of("inspection_expired", "stolen_vehicle"));
            assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(a.plate()).isEqualTo("渝A·Q8162");
            assertThat(a.subject()).isEqualTo("VEHICLE:" + CAR);
            assertThat(a.summary()).contains("渝A·Q8162", "Huanghuayuan Bridge");
        });
    }

    @Test
    void anEntryNotYetValidDoesNotCountAndOneListAloneTakesItsOwnSeverity() {
        rule(Map.of("lists", List.of("inspection_expired", "wanted"), "severityByList", Map.of("inspection_expired", "LOW")))
                .onPassage(passage(EPC, new BoundObject(ObjectKind.VEHICLE, CAR), T), raised::add);
        assertThat(raised).singleElement().satisfies(a -> {
            assertThat(a.evidence().get("lists")).as("'wanted' starts a minute later").isEqualTo(List.of("inspection_expired"));
            assertThat(a.severity()).isEqualTo(Severity.LOW);
        });
    }

    @Test
    void anArrivalMatchesByEpcAndExcludedListsNeverAlert() {
        WatchlistRule r = rule(Map.of("excludeLists", List.of("customs_hold")));
        r.onArrival(new TagArrival(RawEpc.ofHex(EPC), BRIDGE.id(), "rdr-4", T), raised::add);
        r.onArrival(new TagArrival(RawEpc.ofHex("31D4257BF405F5E10D000000"), "CQ-PORT-GATE", "rdr-port", T), raised::add);
        r.onArrival(new TagArrival(RawEpc.ofHex("3416451DA400000005F5E100"), BRIDGE.id(), "rdr-4", T), raised::add);
        assertThat(raised).singleElement().satisfies(a -> assertThat(a.epc()).isEqualTo(EPC));
    }

    @Test
    void anUnlistedObjectAndABadListNameAreNothingAndARefusal() {
        rule(Map.of()).onPassage(passage("3416451DA400000005F5E100", new BoundObject(ObjectKind.VEHICLE, "car-2"), T), raised::add);
        assertThat(raised).isEmpty();
        assertThatThrownBy(() -> rule(Map.of("lists", List.of("Stolen Cars")))).hasMessageStartingWith("params.lists:");
        assertThatThrownBy(() -> rule(Map.of("severityByList", Map.of("wanted", "URGENT")))).hasMessageStartingWith("params.severityByList");
    }

    /** The port over a list, enough for the index's first load. */
    record ListWatchlist(List<WatchlistEntry> entries) implements Watchlist {
        public int save(java.util.Collection<WatchlistEntry> added) {
            long next = entries.stream().mapToLong(WatchlistEntry::id).max().orElse(0);
            for (WatchlistEntry e : added) {
                entries.add(e.withId(++next));
            }
            return added.size();
        }
        public java.util.Optional<WatchlistEntry> find(long id) { return entries.stream().filter(e -> e.id() == id).findFirst(); }
        public List<WatchlistEntry> ofObject(ObjectKind kind, String objectId) {
            return entries.stream().filter(e -> e.kind() == kind && e.objectId().equals(objectId)).toList();
        }
        public Set<String> activeObjects(ObjectKind kind, Instant at) {
            return entries.stream().filter(e -> e.kind() == kind && e.activeAt(at)).map(WatchlistEntry::objectId)
                    .collect(java.util.stream.Collectors.toSet());
        }
        public boolean end(long id, Instant at) {
            for (int i = 0; i < entries.size(); i++) {
                WatchlistEntry e = entries.get(i);
                if (e.id() == id && e.validTo() == null && e.validFrom().isBefore(at)) {
                    entries.set(i, new WatchlistEntry(e.id(), e.list(), e.kind(), e.objectId(), e.epcHex(), e.subject(), e.reason(),
                            e.validFrom(), at));
                    return true;
                }
            }
            return false;
        }
        public List<WatchlistEntry> page(long afterId, String list, int limit) {
            return entries.stream().filter(e -> e.id() > afterId).limit(limit).toList();
        }
        public long count() { return entries.size(); }
        public List<Changed> changedSince(Instant since, int limit) { return List.of(); }
        public Instant now() { return T; }
    }
}
