package org.openrfid.trace.sampledata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openrfid.trace.sampledata.generator.GeneratorOptions;

class GeneratorMainUnitTests {

    @Test
    void helpDocumentsEveryOptionTheParserAccepts() {
        assertThat(GeneratorMain.KNOWN).allSatisfy(option -> assertThat(GeneratorMain.USAGE).contains("--" + option));
        assertThat(GeneratorMain.parse(new String[] {"-h"})).containsKey("help");
    }

    @Test
    void optionsBecomeTheRunTheyDescribe() {
        GeneratorOptions run = GeneratorMain.options(GeneratorMain.parse(new String[] {"--mode", "reads", "--seed", "2",
                "--seconds", "45", "--start-hour", "8", "--vehicles", "6000", "--clones", "300", "--checkpoints", "4",
                "--goods-every", "15s", "--goods-leg", "12s", "--library-visits", "600", "--unchecked-every", "3",
                "--outage-every", "40s", "--outage", "10s", "--out", "/tmp/x"}));
        assertThat(run).isEqualTo(new GeneratorOptions(2L, 45_000L, 8, 6_000, 300, GeneratorOptions.Mode.READS, 0, 4,
                new GeneratorOptions.Flows(15_000L, 12_000L, 600, 3, 40_000L, 10_000L)));
        assertThat(GeneratorMain.options(GeneratorMain.parse(new String[] {"--traffic-only"})).flows())
                .isEqualTo(GeneratorOptions.Flows.NONE);
        assertThat(GeneratorMain.options(GeneratorMain.parse(new String[] {})).flows()).isEqualTo(GeneratorOptions.Flows.DEFAULT);
    }

    @Test
    void typosAndUnitlessDurationsAreRejected() {
        assertThatThrownBy(() -> GeneratorMain.parse(new String[] {"--vehicle", "5"})).hasMessageContaining("unknown option --vehicle");
        assertThatThrownBy(() -> GeneratorMain.options(GeneratorMain.parse(new String[] {"--goods-every", "30"})))
                .hasMessageContaining("45s, 30m or 2h");
    }
}
