package org.openrfid.trace.service.analytics;

import java.util.List;
import org.openrfid.trace.service.passage.TagWindow;

/**
 * Whose companions are sought: a tag (every filter variant of it) or an object (the tags bound to it,
 * each during its binding).
 *
 * @param windows      the subject's tags and when they were the subject's
 * @param excludedEpcs tags that are the subject whatever their binding (the variants of a tag subject)
 * @param objectKind   the object's kind, null for a tag subject
 * @param objectId     the object's id, null for a tag subject
 */
public record Subject(List<TagWindow> windows, List<String> excludedEpcs, String objectKind, String objectId) {

    public Subject {
        windows = List.copyOf(windows);
        excludedEpcs = List.copyOf(excludedEpcs);
    }
}
