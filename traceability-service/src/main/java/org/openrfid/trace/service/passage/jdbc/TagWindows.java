package org.openrfid.trace.service.passage.jdbc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openrfid.trace.service.passage.TagWindow;

/** Tag windows with the overlapping or touching windows of each tag merged, so a passage matches at most one. */
final class TagWindows {

    private static final Comparator<Instant> FROM = Comparator.nullsFirst(Comparator.naturalOrder());

    private TagWindows() {
    }

    static List<TagWindow> merge(List<TagWindow> windows) {
        Map<String, List<TagWindow>> byTag = new LinkedHashMap<>();
        for (TagWindow w : windows) {
            byTag.computeIfAbsent(w.epcHex(), k -> new ArrayList<>()).add(w);
        }
        List<TagWindow> out = new ArrayList<>();
        for (List<TagWindow> ofTag : byTag.values()) {
            ofTag.sort(Comparator.comparing(TagWindow::from, FROM));
            TagWindow current = null;
            for (TagWindow w : ofTag) {
                if (current == null) {
                    current = w;
                } else if (current.to() == null || (w.from() != null && w.from().isAfter(current.to()))) {
                    if (current.to() == null) {
                        continue; // open-ended: already covers everything after its start
                    }
                    out.add(current);
                    current = w;
                } else {
                    Instant to = w.to() == null ? null : current.to().isAfter(w.to()) ? current.to() : w.to();
                    current = new TagWindow(current.epcHex(), current.from(), to);
                }
            }
            out.add(current);
        }
        return out;
    }
}
