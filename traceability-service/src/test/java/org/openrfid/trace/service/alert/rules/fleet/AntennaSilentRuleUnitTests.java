package org.openrfid.trace.service.alert.rules.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openrfid.trace.service.alert.rules.RuleFixtures.T0;
import static org.openrfid.trace.service.alert.rules.RuleFixtures.passage;
import static org.openrfid.trace.service.alert.rules.RuleFixtures.rule;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.passage.Direction;
import org.openrfid.trace.reader.ReaderState;
import org.openrfid.trace.service.alert.AlertCandidate;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.rule.Rule;
import org.openrfid.trace.service.alert.rules.RuleFixtures.Sink;

class AntennaSilentRuleUnitTests {

    final FakeReaders readers = new FakeReaders();
    final AntennaSilentRuleFactory factory = new AntennaSilentRuleFactory(readers);
    final Sink sink = new Sink();

    AntennaSilentRuleUnitTests() {
        readers.set("rdr-1", ReaderState.CONNECTED, T0.minusSeconds(86_400), null);
    }

    Rule make(Map<String, Object> params) {
        return factory.create(rule(AlertType.ANTENNA_SILENT, params));
    }

    void read(Rule r, int antenna, Instant at) {
        r.onPassage(passage("01", FakeReaders.BRIDGE, at, at, null, Direction.IN, "rdr-1", antenna), sink);
    }

    static Instant minutes(long m) {
        return T0.plusSeconds(m * 60);
    }

    @Test
    void alertsWhenTheQuietIsLongerThanTheMinimumForAnAntennaThatReadsOften() {
        Rule r = make(Map.of());
        for (int m = 0; m <= 60; m++) {
            read(r, 1, minutes(m)); // a read a minute: usual quiet 1 min, threshold max(10 min, 3 min)
        }
        r.onTick(minutes(70), sink);
        assertThat(sink.raised).as("exactly 10 min is not longer").isEmpty();
        r.onTick(minutes(70).plusSeconds(1), sink);
        r.onTick(minutes(80), sink);
        AlertCandidate a = sink.only();
        assertThat(a.type()).isEqualTo(AlertType.ANTENNA_SILENT);
        assertThat(a.subject()).isEqualTo("antenna:rdr-1/1");
        assertThat(a.locationId()).isEqualTo("CQ-CP-001");
        assertThat(a.summary()).isEqualTo("Antenna 1 of reader rdr-1 at Chaotianmen Bridge has read nothing for 10 min 1 s while its reader"
                + " is connected (usually quiet at most 1 min).");
        assertThat(a.evidence()).containsEntry("usualQuietSeconds", 60L).containsEntry("thresholdSeconds", 600L);
    }

    @Test
    void anAntennaWithLongUsualGapsGetsALongerThreshold() {
        Rule r = make(Map.of());
        read(r, 2, minutes(0));
        read(r, 2, minutes(20));
        read(r, 2, minutes(40)); // usual quiet 20 min: threshold 60 min
        r.onTick(minutes(100), sink);
        assertThat(sink.raised).as("a near miss: 60 min quiet").isEmpty();
        r.onTick(minutes(101), sink);
        assertThat(sink.raised).hasSize(1);
    }

    @Test
    void theNextReadEndsTheSilenceAndALaterOneIsRaisedAgain() {
        Rule r = make(Map.of("minQuiet", "PT10M"));
        read(r, 1, minutes(0));
        r.onTick(minutes(11), sink);
        r.onTick(minutes(12), sink);
        assertThat(sink.raised).hasSize(1);
        read(r, 1, minutes(13));
        r.onTick(minutes(14), sink);
        assertThat(sink.raised).hasSize(1);
        r.onTick(minutes(13 + 40), sink); // usual quiet now 13 min: threshold 39 min
        assertThat(sink.raised).hasSize(2);
    }

    @Test
    void onlyAntennasOfConnectedReadersAndCountedFromTheReconnection() {
        Rule r = make(Map.of());
        read(r, 1, minutes(0));
        readers.set("rdr-1", ReaderState.BACKOFF, minutes(1), "down");
        r.onTick(minutes(30), sink);
        assertThat(sink.raised).as("READER_DOWN's matter").isEmpty();
        readers.set("rdr-1", ReaderState.CONNECTED, minutes(31), null);
        r.onTick(minutes(32), sink);
        assertThat(sink.raised).as("quiet counts from the reconnection").isEmpty();
        r.onTick(minutes(42), sink);
        assertThat(sink.raised).hasSize(1);
    }

    @Test
    void forgetsAntennasSilentForLongerThanTheWindow() {
        AntennaSilentRule r = (AntennaSilentRule) make(Map.of("window", "PT1H", "maxAntennas", 2));
        read(r, 1, minutes(0));
        read(r, 2, minutes(0));
        read(r, 3, minutes(30));
        assertThat(r.tracked()).isEqualTo(2);
        r.onTick(minutes(61), sink);
        assertThat(r.tracked()).isEqualTo(1);
    }

    @Test
    void refusesBadParamsNamingTheField() {
        assertThatThrownBy(() -> make(Map.of("minQuiet", "PT1S"))).hasMessageStartingWith("params.minQuiet:");
        assertThatThrownBy(() -> make(Map.of("factor", 0.5))).hasMessageStartingWith("params.factor:");
        assertThatThrownBy(() -> make(Map.of("window", "x"))).hasMessageStartingWith("params.window:");
    }

    @Test
    void theDefaultRuleIsEnabled() {
        assertThat(factory.defaults()).singleElement().satisfies(d -> assertThat(d.enabled()).isTrue());
    }
}
