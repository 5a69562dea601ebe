package org.openrfid.trace.reader.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ScenarioUnitTests {

    private static Scenario parse(String body) {
        return Scenario.parse(new StringReader("offset_ms,reader,antenna,epc,tid,rssi_dbm\n" + body));
    }

    @Test
    void parsesRows() {
        Scenario s = parse("0,gate-1,1,3034257BF7194E4000001A85,E2801160200000000000001F,-55.5\n\n1500,gate-2,2,ABC,,-60\n");
        assertThat(s.rows()).hasSize(2);
        assertThat(s.rows().get(0).rssiCdbm()).isEqualTo(-5550);
        assertThat(s.rows().get(1).epc().bitLength()).isEqualTo(12);
        assertThat(s.rows().get(1).tidHex()).isNull();
        assertThat(s.readerIds()).containsExactly("gate-1", "gate-2");
        assertThat(s.durationMs()).isEqualTo(1500);
    }

    @Test
    void badRowsNameTheirLine() {
        assertThatThrownBy(() -> parse("0,r,1,3034,,-50\n10,r,1,XYZ,,-50\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("line 3:");
        assertThatThrownBy(() -> parse("10,r,1,3034,,-50\n5,r,1,3034,,-50\n")).hasMessageContaining("line 3").hasMessageContaining("back in time");
        assertThatThrownBy(() -> parse("0,r,0,3034,,-50\n")).hasMessageStartingWith("line 2:");
        assertThatThrownBy(() -> parse("0,r,1,3034,E28,-50\n")).hasMessageStartingWith("line 2:");
        assertThatThrownBy(() -> parse("0,r,1,3034,,loud\n")).hasMessageStartingWith("line 2:");
        assertThatThrownBy(() -> parse("0,r,1,3034\n")).hasMessageStartingWith("line 2:");
        assertThatThrownBy(() -> Scenario.parse(new StringReader("time,epc\n"))).hasMessageStartingWith("line 1:");
    }

    @Test
    void loadScenarioHasTheAskedRate() {
        Scenario s = Scenario.load(3, 50, 10, 1);
        assertThat(s.readerIds()).containsExactly("load-1", "load-2", "load-3");
        assertThat(s.rowsFor("load-2")).hasSize(50);
        assertThat(s.durationMs()).isEqualTo(1000);
    }

    @Test
    void gantryScenarioHasTheAskedRateAndPassingTags() {
        Scenario s = Scenario.gantries(3, 2000, 40, 1);
        assertThat(s.readerIds()).containsExactly("gantry-1", "gantry-2", "gantry-3");
        assertThat(s.durationMs()).isEqualTo(Scenario.GANTRY_PASS_MS);
        // 40 arrivals a second over the whole 5 s pass, 50 reads each: 2,000 reads a second on average.
        assertThat(s.rowsFor("gantry-2")).hasSize(200 * 50).allSatisfy(r -> assertThat(r.offsetMs()).isBetween(0L, Scenario.GANTRY_PASS_MS - 1));
        long firstSecond = s.rowsFor("gantry-2").stream().filter(r -> r.offsetMs() < 1000).count();
        assertThat(firstSecond).isBetween(1900L, 2100L);
        java.util.Map<String, java.util.List<ScenarioRow>> visits = s.rowsFor("gantry-1").stream()
                .collect(java.util.stream.Collectors.groupingBy(ScenarioRow::epcHex));
        assertThat(visits).hasSize(200);
        assertThat(visits.values()).allSatisfy(v -> assertThat(v).hasSize(50));
        // Visits that do not wrap into the next pass: one second long, entry side first, exit side last.
        var whole = visits.values().stream().filter(v -> v.get(v.size() - 1).offsetMs() - v.get(0).offsetMs() < 1000).toList();
        assertThat(whole).hasSizeGreaterThan(150).allSatisfy(v -> {
            assertThat(v.get(v.size() - 1).offsetMs() - v.get(0).offsetMs()).isBetween(900L, 1000L);
            assertThat(v.get(0).antenna() % 2).as("entry side first").isEqualTo(1);
            assertThat(v.get(v.size() - 1).antenna() % 2).as("exit side last").isZero();
        });
        assertThatThrownBy(() -> Scenario.gantries(1, 10, 20, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
