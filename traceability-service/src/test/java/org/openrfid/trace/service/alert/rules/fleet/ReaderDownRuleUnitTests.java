package org.openrfid.trace.service.alert.rules.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openrfid.trace.service.alert.rules.RuleFixtures.T0;
import static org.openrfid.trace.service.alert.rules.RuleFixtures.rule;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.reader.ReaderState;
import org.openrfid.trace.service.alert.AlertCandidate;
import org.openrfid.trace.service.alert.AlertType;
import org.openrfid.trace.service.alert.rule.Rule;
import org.openrfid.trace.service.alert.rules.RuleFixtures.Sink;

class ReaderDownRuleUnitTests {

    final FakeReaders readers = new FakeReaders();
    final ReaderDownRuleFactory factory = new ReaderDownRuleFactory(readers);
    final Rule rule = factory.create(factory.defaults().get(0));
    final Sink sink = new Sink();

    void tickAt(long seconds) {
        rule.onTick(T0.plusSeconds(seconds), sink);
    }

    @Test
    void alertsOnceWhenAReaderIsDownLongerThanTheGrace() {
        readers.set("rdr-1", ReaderState.BACKOFF, T0, "Connection refused");
        tickAt(0);
        tickAt(60);
        assertThat(sink.raised).as("60 s is not longer than PT60S").isEmpty();
        tickAt(61);
        tickAt(62);
        tickAt(600);
        AlertCandidate a = sink.only();
        assertThat(a.type()).isEqualTo(AlertType.READER_DOWN);
        assertThat(a.subject()).isEqualTo("reader:rdr-1");
        assertThat(a.raisedAt()).isEqualTo(T0.plusSeconds(61));
        assertThat(a.locationId()).isEqualTo("CQ-CP-001");
        assertThat(a.summary()).isEqualTo("Reader rdr-1 at Chaotianmen Bridge has not been connected for 1 min 1 s (BACKOFF since"
                + " 2026-03-02 00:00:00 UTC): Connection refused");
        assertThat(a.evidence()).containsEntry("state", "BACKOFF").containsEntry("since", T0.toString())
                .containsEntry("lastError", "Connection refused");
    }

    @Test
    void anOutageLastsThroughReconnectAttempts() {
        readers.set("rdr-1", ReaderState.BACKOFF, T0, "timeout");
        tickAt(1);
        readers.set("rdr-1", ReaderState.CONNECTING, T0.plusSeconds(30), "timeout");
        tickAt(31);
        readers.set("rdr-1", ReaderState.BACKOFF, T0.plusSeconds(35), "timeout");
        tickAt(61);
        assertThat(sink.only().evidence()).containsEntry("since", T0.toString());
    }

    @Test
    void aReconnectEndsTheOutageAndTheNextOneIsRaisedAgain() {
        readers.set("rdr-1", ReaderState.BACKOFF, T0, null);
        tickAt(100);
        readers.set("rdr-1", ReaderState.CONNECTED, T0.plusSeconds(101), null);
        tickAt(101);
        readers.set("rdr-1", ReaderState.BACKOFF, T0.plusSeconds(200), null);
        tickAt(250);
        assertThat(sink.raised).hasSize(1);
        tickAt(261);
        assertThat(sink.raised).hasSize(2);
        assertThat(sink.raised.get(1).summary()).endsWith(".");
    }

    @Test
    void aShortDropIsNoAlertAndDisabledOrReleasedReadersAreNotDown() {
        readers.set("rdr-1", ReaderState.BACKOFF, T0, null);
        tickAt(30);
        readers.set("rdr-1", ReaderState.CONNECTED, T0.plusSeconds(31), null);
        tickAt(100);
        readers.set("rdr-2", ReaderState.DISABLED, T0, null);
        readers.set("rdr-3", ReaderState.BACKOFF, T0.plusSeconds(100), null);
        tickAt(110);
        readers.release("rdr-3"); // now held by another member, which raises it if it stays down
        tickAt(200);
        assertThat(sink.raised).isEmpty();
    }

    @Test
    void refusesABadGraceNamingTheField() {
        assertThatThrownBy(() -> factory.create(rule(AlertType.READER_DOWN, Map.of("after", "soon")))).hasMessageStartingWith("params.after:");
        assertThatThrownBy(() -> factory.create(rule(AlertType.READER_DOWN, Map.of("after", "PT0S")))).hasMessageStartingWith("params.after:");
    }
}
