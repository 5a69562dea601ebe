package org.openrfid.trace.web.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryPageUnitTests {

    @Test
    void aPlateSearchIsPutInTheRegistrysFormWithItsDisplayDot() {
        assertThat(RegistryRows.keyPrefix("渝a 12")).isEqualTo("渝A·12");
        assertThat(RegistryRows.keyPrefix("渝Ａ１２３")).as("full-width folded").isEqualTo("渝A·123");
        assertThat(RegistryRows.keyPrefix("渝A.12345")).isEqualTo("渝A·12345");
        assertThat(RegistryRows.keyPrefix("渝")).isEqualTo("渝");
        assertThat(RegistryRows.keyPrefix("BK-0012 ")).as("other keys keep their case and dashes").isEqualTo("BK-0012");
        assertThat(RegistryRows.keyPrefix(null)).isEmpty();
    }

    @Test
    void pagingStartsJustBeforeEveryKeyWithThePrefixAndAfterEveryKeyBelowIt() {
        String before = RegistryRows.before("渝A·12");
        for (String key : List.of("渝A·12", "渝A·12000", "渝A·12ZZZ")) {
            assertThat(key.compareTo(before)).as(key).isPositive();
        }
        for (String key : List.of("渝A·11999", "渝A·11ZZZ", "渝A·1")) {
            assertThat(key.compareTo(before)).as(key).isNegative();
        }
        assertThat(RegistryRows.before("")).isNull();
    }

    @Test
    void thePreviewShowsTheFirstRowsWithTheImportersLineNumbersAndCountsEveryRow(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("\uFEFFplate,note\n");
        csv.append("渝A·00001,\"two\nlines\"\n");
        for (int i = 2; i <= 25; i++) {
            csv.append("渝A·").append(String.format("%05d", i)).append(",x\n");
        }
        Path file = Files.writeString(dir.resolve("v.csv"), csv);
        CsvPreview preview = CsvPreview.of(file);
        assertThat(preview.header()).containsExactly("plate", "note");
        assertThat(preview.rows()).isEqualTo(25);
        assertThat(preview.first()).hasSize(CsvPreview.SHOWN);
        assertThat(preview.first().get(0)).isEqualTo(new CsvPreview.Line(2, List.of("渝A·00001", "two\nlines")));
        assertThat(preview.first().get(1).number()).as("after a quoted line break").isEqualTo(4);
    }

    @Test
    void aFileUnreadableToTheEndHasNoRowCountButKeepsItsFirstRows(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("v.csv"), "plate,note\n渝A·00001,x\n渝A·00002,\"open\n");
        CsvPreview preview = CsvPreview.of(file);
        assertThat(preview.rows()).isEqualTo(-1);
        assertThat(preview.first()).extracting(CsvPreview.Line::number).containsExactly(2L);
    }

    @Test
    void progressIsTheShareOfRowsCheckedAndFullOnceFinished() {
        ImportJob.Snapshot running = new ImportJob.Snapshot(ImportJob.State.RUNNING, 25_000, 24_000, 100_000, null, List.of(), 0, null);
        assertThat(running.percent()).isEqualTo(25);
        assertThat(new ImportJob.Snapshot(ImportJob.State.RUNNING, 10, 0, -1, null, List.of(), 0, null).percent()).isZero();
        assertThat(new ImportJob.Snapshot(ImportJob.State.REFUSED, 40, 0, 100, null, List.of(), 3, null).percent()).isEqualTo(100);
    }
}
