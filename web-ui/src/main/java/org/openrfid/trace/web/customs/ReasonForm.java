package org.openrfid.trace.web.customs;

import java.util.Map;

/** A hold or release needs a reason a later reader understands: given, and at most what the history keeps. */
final class ReasonForm {

    static final int MAX = 400;

    private ReasonForm() {
    }

    /** Field → message key; empty when the reason will do. */
    static Map<String, String> problems(String reason) {
        if (reason == null || reason.isBlank()) {
            return Map.of("reason", "customs.problem.reason");
        }
        if (reason.strip().length() > MAX) {
            return Map.of("reason", "customs.problem.reasonLong");
        }
        return Map.of();
    }
}
