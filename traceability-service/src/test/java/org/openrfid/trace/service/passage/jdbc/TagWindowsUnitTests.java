package org.openrfid.trace.service.passage.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openrfid.trace.service.passage.TagWindow;

class TagWindowsUnitTests {

    private static final Instant T = Instant.parse("2025-06-02T00:00:00Z");

    private static TagWindow w(String epc, Integer from, Integer to) {
        return new TagWindow(epc, from == null ? null : T.plusSeconds(from), to == null ? null : T.plusSeconds(to));
    }

    @Test
    void overlappingAndTouchingWindowsOfOneTagBecomeOne() {
        assertThat(TagWindows.merge(List.of(w("A", 10, 20), w("A", 0, 10), w("A", 15, 30))))
                .containsExactly(w("A", 0, 30));
    }

    @Test
    void disjointWindowsAndOtherTagsStaySeparate() {
        assertThat(TagWindows.merge(List.of(w("A", 0, 10), w("B", 5, 8), w("A", 11, 20))))
                .containsExactly(w("A", 0, 10), w("A", 11, 20), w("B", 5, 8));
    }

    @Test
    void openEndsSwallowWhatTheyCover() {
        assertThat(TagWindows.merge(List.of(w("A", 5, null), w("A", 8, 9), w("A", null, 3))))
                .containsExactly(w("A", null, 3), w("A", 5, null));
        assertThat(TagWindows.merge(List.of(w("A", null, 6), w("A", 5, null)))).containsExactly(w("A", null, null));
    }
}
