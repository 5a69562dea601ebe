package org.openrfid.trace.service.alert.rules.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openrfid.trace.service.alert.rules.RuleFixtures.T0;
import static org.openrfid.trace.service.alert.rules.RuleFixtures.passage;
import static org.openrfid.trace.service.alert.rules.RuleFixtures.place;
import static org.openrfid.trace.service.alert.rules.RuleFixtures.rule;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.openrfid.trace.service.registry.library.LibraryItem;
import org.openrfid.trace.service.registry.library.LibraryItems;

class LibraryUncheckedExitRuleUnitTests {

    static final LocationInfo PEDESTAL = place("LIB-GATE-1", "Central Library main gate", "library_gate", 29.56, 106.55);
    static final LocationInfo DIRECTED = place("LIB-GATE-2", "Central Library side gate", "library_gate", 29.56, 106.55);
    static final LocationInfo SHELF = place("LIB-SHELF-1", "Central Library shelf 1", "library", 29.56, 106.55);

    final Map<String, LibraryItem> catalogue = new HashMap<>(Map.of(
            "31200000001", new LibraryItem("31200000001", "Pride and Prejudice (copy 3)", null, null, "on_shelf", null),
            "31200000004", new LibraryItem("31200000004", "Clean Code (copy 2)", null, null, "on_loan", java.time.LocalDate.of(2026, 3, 20))));
    final LibraryItems items = new LibraryItems() {
        @Override
        public void save(Collection<LibraryItem> i) {
            i.forEach(x -> catalogue.put(x.itemId(), x));
        }

        @Override
        public Optional<LibraryItem> find(String itemId) {
            return Optional.ofNullable(catalogue.get(itemId));
        }

        @Override
        public Set<String> existing(Collection<String> itemIds) {
            return Set.of();
        }

        @Override
        public List<LibraryItem> page(String afterId, String status, int limit) {
            return List.of();
        }

        @Override
        public long count() {
            return catalogue.size();
        }
    };
    final ReadPointDirectory readPoints = new ReadPointDirectory();
    final Sink sink = new Sink();
    final Rule rule;

    LibraryUncheckedExitRuleUnitTests() {
        readPoints.put(new ReadPoint("rdr-lib-1", 1, "LIB-GATE-1", Direction.NONE, 0));
        readPoints.put(new ReadPoint("rdr-lib-2", 1, "LIB-GATE-2", Direction.IN, 0));
        readPoints.put(new ReadPoint("rdr-lib-2", 2, "LIB-GATE-2", Direction.OUT, 0));
        UncheckedExitRuleFactory factory = new UncheckedExitRuleFactory(items, new GateDirections(readPoints));
        rule = factory.create(factory.defaults().get(0));
    }

    static BoundObject item(String id) {
        return new BoundObject(ObjectKind.LIBRARY_ITEM, id);
    }

    @Test
    void theGatesCirculationSourceDecidesWhenOneIsConfigured() {
        // As with SIP2: the library system says the shelved book is charged and the lent one is back.
        UncheckedExitRuleFactory factory = new UncheckedExitRuleFactory(items, new GateDirections(readPoints),
                i -> i.itemId().equals("31200000001") ? "on_loan" : "on_shelf");
        Rule asked = factory.create(factory.defaults().get(0));
        asked.onPassage(passage("3416451DA800000743AA3801", PEDESTAL, T0, T0.plusSeconds(1), item("31200000001")), sink);
        assertThat(sink.raised).isEmpty();
        asked.onPassage(passage("3416451DA800000743AA3804", PEDESTAL, T0, T0.plusSeconds(1), item("31200000004")), sink);
        assertThat(sink.only().evidence()).containsEntry("loanStatus", "on_shelf");
    }

    @Test
    void alertsWhenAnItemNotOnLoanLeavesThroughAGateWithoutDirections() {
        rule.onPassage(passage("3416451DA800000743AA3801", PEDESTAL, T0, T0.plusSeconds(1), item("31200000001")), sink);
        AlertCandidate a = sink.only();
        assertThat(a.type()).isEqualTo(AlertType.LIBRARY_UNCHECKED_EXIT);
        assertThat(a.subject()).isEqualTo("LIBRARY_ITEM:31200000001");
        assertThat(a.summary()).isEqualTo("'Pride and Prejudice (copy 3)' (item 31200000001, on shelf) left through Central Library main gate"
                + " without being checked out.");
        assertThat(a.evidence()).containsEntry("loanStatus", "on_shelf");
    }

    @Test
    void anItemOnLoanPassesFreely() {
        rule.onPassage(passage("3416451DA800000743AA3804", PEDESTAL, T0, T0, item("31200000004")), sink);
        assertThat(sink.raised).isEmpty();
    }

    @Test
    void aCheckOutJustBeforeTheGateIsSeen() {
        items.save(List.of(new LibraryItem("31200000001", "Pride and Prejudice (copy 3)", null, null, "on_loan", null)));
        rule.onPassage(passage("3416451DA800000743AA3801", PEDESTAL, T0, T0, item("31200000001")), sink);
        assertThat(sink.raised).isEmpty();
    }

    @Test
    void atADirectedGateOnlyOutwardPassagesCount() {
        rule.onPassage(passage("01", DIRECTED, T0, T0, item("31200000001"), Direction.IN, "rdr-lib-2", 1), sink);
        rule.onPassage(passage("01", DIRECTED, T0, T0, item("31200000001"), Direction.NONE, "rdr-lib-2", 1), sink);
        assertThat(sink.raised).as("coming in, or direction not told").isEmpty();
        rule.onPassage(passage("01", DIRECTED, T0, T0, item("31200000001"), Direction.OUT, "rdr-lib-2", 2), sink);
        assertThat(sink.raised).hasSize(1);
    }

    @Test
    void otherPlacesOtherObjectsAndUnknownItemsAreNoAlert() {
        rule.onPassage(passage("01", SHELF, T0, T0, item("31200000001")), sink);
        rule.onPassage(passage("01", PEDESTAL, T0, T0, new BoundObject(ObjectKind.GOODS, "x")), sink);
        rule.onPassage(passage("01", PEDESTAL, T0, T0, item("39999999999")), sink);
        rule.onPassage(passage("01", PEDESTAL, T0, T0, null), sink);
        assertThat(sink.raised).isEmpty();
    }

    @Test
    void theDefaultRuleIsEnabled() {
        assertThat(new UncheckedExitRuleFactory(items, new GateDirections(readPoints)).defaults()).singleElement()
                .satisfies(d -> assertThat(d.enabled()).isTrue());
    }
}
