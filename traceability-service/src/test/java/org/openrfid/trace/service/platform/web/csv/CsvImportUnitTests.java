package org.openrfid.trace.service.platform.web.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

class CsvImportUnitTests {

    private final List<String> events = new ArrayList<>();
    private final TransactionTemplate tx = new TransactionTemplate(new PlatformTransactionManager() {
        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            events.add("begin");
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {
            events.add("commit");
        }

        @Override
        public void rollback(TransactionStatus status) {
            events.add("rollback");
        }
    });
    private final CsvImport<String> imports = new CsvImport<>("word", List.of("word"), List.of("note"), tx);

    private static String word(CsvRow row) {
        return row.field("word", v -> {
            if (v == null || !v.matches("[a-z]+")) {
                throw new IllegalArgumentException("'" + v + "' is not a word");
            }
            return v;
        });
    }

    @Test
    void writesACleanFileInOneTransactionAndCountsItsRows() {
        List<String> written = new ArrayList<>();
        long rows = imports.run(new StringReader("word,note\nalpha,x\nbeta,\n"), CsvImportUnitTests::word, written::addAll);
        assertThat(rows).isEqualTo(2);
        assertThat(written).containsExactly("alpha", "beta");
        assertThat(events).containsExactly("begin", "commit");
    }

    @Test
    void refusesTheWholeFileNamingEveryBadLine() {
        assertThatThrownBy(() -> imports.run(new StringReader("word\nalpha\nBad\n9\n"), CsvImportUnitTests::word, batch -> { }))
                .isInstanceOfSatisfying(CsvRejectedException.class, e -> {
                    assertThat(e).hasMessage("word import refused: 2 problem(s), nothing was written");
                    assertThat(e.problems()).containsExactly(new CsvProblem(3, "word", "'Bad' is not a word"),
                            new CsvProblem(4, "word", "'9' is not a word"));
                });
        assertThat(events).containsExactly("begin", "rollback");
    }

    @Test
    void aWholeFileCheckRefusesTheFileToo() {
        assertThatThrownBy(() -> imports.run(new StringReader("word\nalpha\n"), CsvImportUnitTests::word, batch -> { },
                () -> List.of(new CsvProblem(2, "word", "alpha is not allowed"))))
                .isInstanceOfSatisfying(CsvRejectedException.class, e -> {
                    assertThat(e.problemCount()).isEqualTo(1);
                    assertThat(e.problems()).containsExactly(new CsvProblem(2, "word", "alpha is not allowed"));
                });
        assertThat(events).containsExactly("begin", "rollback");
    }

    @Test
    void tellsProgressEveryBatchAndAtTheEndWithRowsWrittenBehindRowsChecked() {
        StringBuilder file = new StringBuilder("word\n");
        for (int i = 0; i < 2500; i++) {
            file.append("w").append((char) ('a' + i % 26)).append('\n');
        }
        List<long[]> told = new ArrayList<>();
        long rows = imports.run(new StringReader(file.toString()), CsvImportUnitTests::word, batch -> { },
                (checked, written) -> told.add(new long[] {checked, written}));
        assertThat(rows).isEqualTo(2500);
        // the batch of rows 1..1000 is written when it fills, so row 1000 is reported written; the last 500 at the end
        assertThat(told).containsExactly(new long[] {1000, 1000}, new long[] {2000, 2000}, new long[] {2500, 2500});
    }

    @Test
    void progressOfARefusedFileKeepsCheckingButStopsWriting() {
        StringBuilder file = new StringBuilder("word\nBad\n");
        for (int i = 0; i < 1999; i++) {
            file.append("ok\n");
        }
        List<long[]> told = new ArrayList<>();
        assertThatThrownBy(() -> imports.run(new StringReader(file.toString()), CsvImportUnitTests::word, batch -> { },
                (checked, written) -> told.add(new long[] {checked, written}))).isInstanceOf(CsvRejectedException.class);
        assertThat(told).containsExactly(new long[] {1000, 0}, new long[] {2000, 0}, new long[] {2000, 0});
    }

    @Test
    void exportPagesUntilAnEmptyPageAndCountsRecords() {
        List<List<Integer>> pages = List.of(List.of(1, 2), List.of(3), List.of());
        StringWriter out = new StringWriter();
        long n = CsvExport.write(out, List.of("n", "square"),
                (Integer last) -> pages.get(last == null ? 0 : last == 2 ? 1 : 2),
                (page, records) -> page.forEach(i -> records.print(i, i * i)));
        assertThat(n).isEqualTo(3);
        assertThat(out).hasToString("n,square\n1,1\n2,4\n3,9\n");
    }
}
