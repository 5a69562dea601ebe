package org.openrfid.trace.service.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadJournalUnitTests {

    @TempDir
    Path dir;

    @Test
    void aNewStartSeesTheEarlierSegmentsAndReadsThemBackUpToATornTail() throws Exception {
        ReadJournal first = new ReadJournal(dir, 1 << 20);
        first.append(new ReadJournal.Entry(1, "http", null, "{\"a\":1}"));
        first.append(new ReadJournal.Entry(2, "mqtt:rfid/reads/g-7", "g-7", "{\"b\":\"中\"}"));
        first.close();
        Path segment = first.segments().get(0);
        // a crash mid-append: half a record at the end
        Files.write(segment, new byte[] {0, 0, 0, 40, 1, 2}, StandardOpenOption.APPEND);

        ReadJournal second = new ReadJournal(dir, 1 << 20);
        List<Path> earlier = second.earlierSegments();
        assertThat(earlier).containsExactly(segment);
        assertThat(ReadJournal.read(segment)).containsExactly(new ReadJournal.Entry(1, "http", null, "{\"a\":1}"),
                new ReadJournal.Entry(2, "mqtt:rfid/reads/g-7", "g-7", "{\"b\":\"中\"}"));
        second.close();
    }

    @Test
    void rotationHandsBackTheOlderSegmentsForDeletionAndAFullJournalRefuses() throws Exception {
        ReadJournal journal = new ReadJournal(dir, 200);
        journal.append(new ReadJournal.Entry(1, "http", null, "x".repeat(100)));
        assertThatThrownBy(() -> journal.append(new ReadJournal.Entry(2, "http", null, "y".repeat(100))))
                .isInstanceOf(ReadJournal.FullException.class);
        List<Path> older = journal.rotate();
        assertThat(older).hasSize(1);
        journal.delete(older);
        assertThat(journal.bytes()).isZero();
        journal.append(new ReadJournal.Entry(3, "http", null, "z".repeat(100)));
        assertThat(journal.segments()).hasSize(1);
        journal.close();
    }
}
